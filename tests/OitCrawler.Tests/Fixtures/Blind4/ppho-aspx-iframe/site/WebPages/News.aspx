<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874" />
<title>ข่าวประชาสัมพันธ์</title><link href="../App_Themes/Default/content.css" rel="stylesheet" type="text/css" /></head>
<body><form name="aspnetForm" method="post" id="aspnetForm"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk" />
<div class="content"><div class="head-title">ข่าวประชาสัมพันธ์</div>
<table><tr><th>วันที่</th><th>หัวข้อข่าว</th></tr><tr><td>๒๐/๐๓/๒๕๖๘</td><td><a href="NewsDetail/1241.aspx">สสจ.ศรีวารินทร์ รณรงค์ป้องกันโรคไข้เลือดออก</a></td></tr><tr><td>๑๔/๐๒/๒๕๖๘</td><td><a href="NewsDetail/1230.aspx">เวทีรับฟังความคิดเห็นต่อแผนพัฒนาสุขภาพจังหวัด</a></td></tr><tr><td>๒๐/๐๑/๒๕๖๘</td><td><a href="NewsDetail/1215.aspx">ค่ายคุณธรรม เสริมสร้างจริยธรรมบุคลากรสาธารณสุข</a></td></tr><tr><td>๒๘/๑๐/๒๕๖๗</td><td><a href="NewsDetail/1188.aspx">มอบนโยบายการดำเนินงานสาธารณสุข ปีงบประมาณ ๒๕๖๘</a></td></tr></table>
</div></form></body></html>