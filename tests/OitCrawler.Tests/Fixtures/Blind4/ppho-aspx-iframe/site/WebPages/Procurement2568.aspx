<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874" />
<title>รายการการจัดซื้อจัดจ้าง ปีงบประมาณ ๒๕๖๘</title><link href="../App_Themes/Default/content.css" rel="stylesheet" type="text/css" /></head>
<body><form name="aspnetForm" method="post" id="aspnetForm"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk" />
<div class="content"><div class="head-title">รายการการจัดซื้อจัดจ้าง ปีงบประมาณ ๒๕๖๘</div>
<table><tr><th>ที่</th><th>รายการ</th><th>วงเงิน (บาท)</th><th>วิธี</th><th>สถานะ</th><th>e-GP</th></tr>
<tr><td>๑</td><td>จัดซื้อวัคซีนไข้หวัดใหญ่</td><td>๔๕๐,๐๐๐</td><td>เฉพาะเจาะจง</td><td>ลงนามสัญญาแล้ว</td><td><a href="https://process3.gprocurement.go.th/egp2procmainWeb/jsp/procsearch.sch?projectId=67119000123">67119000123</a></td></tr>
<tr><td>๒</td><td>จ้างปรับปรุงห้องประชุม สสจ.</td><td>๑,๘๕๐,๐๐๐</td><td>e-bidding</td><td>อยู่ระหว่างดำเนินการ</td><td><a href="https://process3.gprocurement.go.th/egp2procmainWeb/jsp/procsearch.sch?projectId=68019000456">68019000456</a></td></tr>
<tr><td>๓</td><td>จัดซื้อวัสดุวิทยาศาสตร์การแพทย์</td><td>๓๒๐,๐๐๐</td><td>เฉพาะเจาะจง</td><td>ส่งมอบแล้ว</td><td>-</td></tr></table><p>ข้อมูล ณ วันที่ ๓๑ มีนาคม ๒๕๖๘</p>
</div></form></body></html>