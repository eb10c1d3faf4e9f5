<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874" />
<title>มอบนโยบายการดำเนินงานสาธารณสุข ปีงบประมาณ ๒๕๖๘</title><link href="../../App_Themes/Default/content.css" rel="stylesheet" type="text/css" /></head>
<body><form name="aspnetForm" method="post" id="aspnetForm"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk" />
<div class="content"><div class="head-title">มอบนโยบายการดำเนินงานสาธารณสุข ปีงบประมาณ ๒๕๖๘</div>
<p class="date">วันที่ประกาศ : ๒๘/๑๐/๒๕๖๗</p><img src="../../images/news/1188.png" alt="" /><p>นายแพทย์สาธารณสุขจังหวัดมอบนโยบายแก่ผู้บริหารโรงพยาบาลและสาธารณสุขอำเภอ</p><p><a href="../News.aspx">ย้อนกลับ</a></p>
</div></form></body></html>