<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874" />
<title>หน้าหลัก</title><link href="../App_Themes/Default/content.css" rel="stylesheet" type="text/css" /></head>
<body><form name="aspnetForm" method="post" id="aspnetForm"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk" />
<div class="content"><div class="head-title">หน้าหลัก</div>
<h3>ข่าวประชาสัมพันธ์ล่าสุด</h3><ul>
<li><a href="NewsDetail/1241.aspx">สสจ.ศรีวารินทร์ รณรงค์ป้องกันโรคไข้เลือดออก</a> (๒๐ มี.ค. ๖๘)</li>
<li><a href="NewsDetail/1230.aspx">เวทีรับฟังความคิดเห็นต่อแผนพัฒนาสุขภาพจังหวัด</a> (๑๔ ก.พ. ๖๘)</li>
<li><a href="NewsDetail/1215.aspx">ค่ายคุณธรรม เสริมสร้างจริยธรรมบุคลากรสาธารณสุข</a> (๒๐ ม.ค. ๖๘)</li></ul>
<p><a href="ITA2568.aspx">ITA 2568</a> | <a href="../DocLib/DocList.aspx">คลังเอกสาร</a></p>
</div></form></body></html>