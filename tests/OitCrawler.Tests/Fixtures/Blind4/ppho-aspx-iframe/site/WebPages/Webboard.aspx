<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874" />
<title>กระดานถาม-ตอบ</title><link href="../App_Themes/Default/content.css" rel="stylesheet" type="text/css" /></head>
<body><form name="aspnetForm" method="post" id="aspnetForm"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk" />
<div class="content"><div class="head-title">กระดานถาม-ตอบ</div>
<table><tr><th>หัวข้อ</th><th>โดย</th><th>วันที่</th><th>ตอบ</th></tr>
<tr><td>ขอใบอนุญาตขายยาแผนปัจจุบันใช้เวลากี่วัน</td><td>ภก.ชาติชาย</td><td>๑๑/๐๓/๒๕๖๘</td><td>๑</td></tr>
<tr><td>การต่ออายุใบอนุญาตสถานพยาบาล</td><td>คลินิกหมอนภา</td><td>๒๕/๐๒/๒๕๖๘</td><td>๒</td></tr></table><p><a href="WebboardPost.aspx">ตั้งกระทู้ใหม่</a></p>
</div></form></body></html>