<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874" />
<title>No Gift Policy</title><link href="../App_Themes/Default/content.css" rel="stylesheet" type="text/css" /></head>
<body><form name="aspnetForm" method="post" id="aspnetForm"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk" />
<div class="content"><div class="head-title">No Gift Policy</div>
<ul><li><a href="../DocLib/Files/nogift_2568.pdf">ประกาศเจตนารมณ์ No Gift Policy ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</a></li></ul>
<h4>กิจกรรมสร้างวัฒนธรรม No Gift</h4><img src="../images/nogift_2568.png" alt="" /><p>๑๕ มกราคม ๒๕๖๘ ผู้บริหารและบุคลากรร่วมประกาศเจตนารมณ์และรณรงค์ไม่รับของขวัญในช่วงปีใหม่</p>
</div></form></body></html>