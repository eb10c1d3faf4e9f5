<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874" />
<title>แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</title><link href="../App_Themes/Default/content.css" rel="stylesheet" type="text/css" /></head>
<body><form name="aspnetForm" method="post" id="aspnetForm"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk" />
<div class="content"><div class="head-title">แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</div>
<table><tr><td>ชื่อ-สกุล</td><td><input name="txtName" /></td></tr><tr><td>โทรศัพท์</td><td><input name="txtTel" /></td></tr>
<tr><td>เรื่องร้องเรียน *</td><td><textarea name="txtDetail"></textarea></td></tr><tr><td></td><td><input type="submit" name="btnSend" value="ส่งเรื่องร้องเรียน" /></td></tr></table>
<p>หรือแจ้งผ่าน <a href="https://www.nacc.go.th/">สำนักงาน ป.ป.ช.</a> | <a href="https://www.pacc.go.th/">สำนักงาน ป.ป.ท.</a></p>
</div></form></body></html>