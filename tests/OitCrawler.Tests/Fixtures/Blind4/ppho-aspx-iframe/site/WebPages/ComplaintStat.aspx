<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874" />
<title>สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ รอบ ๖ เดือน ปีงบประมาณ ๒๕๖๘</title><link href="../App_Themes/Default/content.css" rel="stylesheet" type="text/css" /></head>
<body><form name="aspnetForm" method="post" id="aspnetForm"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk" />
<div class="content"><div class="head-title">สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ รอบ ๖ เดือน ปีงบประมาณ ๒๕๖๘</div>
<p>ระหว่าง ๑ ตุลาคม ๒๕๖๗ – ๓๑ มีนาคม ๒๕๖๘</p>
<table><tr><th>เรื่องร้องเรียนทั้งหมด</th><th>ดำเนินการแล้วเสร็จ</th><th>อยู่ระหว่างดำเนินการ</th></tr><tr><td>๐</td><td>๐</td><td>๐</td></tr></table><p>ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</p>
</div></form></body></html>