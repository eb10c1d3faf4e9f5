<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874" />
<title>ติดต่อเรา</title><link href="../App_Themes/Default/content.css" rel="stylesheet" type="text/css" /></head>
<body><form name="aspnetForm" method="post" id="aspnetForm"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk" />
<div class="content"><div class="head-title">ติดต่อเรา</div>
<p>สำนักงานสาธารณสุขจังหวัดศรีวารินทร์ ๘๘ ถนนศรีวารินทร์ ตำบลในเมือง อำเภอเมือง จังหวัดศรีวารินทร์ ๓๔๐๐๐</p>
<p>โทรศัพท์ ๐-๔๕๓๑-๒๑๔๐ โทรสาร ๐-๔๕๓๑-๒๑๔๔ อีเมล srivarin_ppho@moph.go.th</p><p><a href="https://maps.google.com/?q=15.2287,104.8564" target="_blank">แผนที่ (Google Maps)</a></p>
<p>สอบถามข้อมูล: <a href="Webboard.aspx">กระดานถาม-ตอบ (Webboard)</a></p>
</div></form></body></html>