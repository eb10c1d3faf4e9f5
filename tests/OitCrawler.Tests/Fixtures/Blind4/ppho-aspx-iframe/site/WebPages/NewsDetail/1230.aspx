<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874" />
<title>เวทีรับฟังความคิดเห็นต่อแผนพัฒนาสุขภาพจังหวัด</title><link href="../../App_Themes/Default/content.css" rel="stylesheet" type="text/css" /></head>
<body><form name="aspnetForm" method="post" id="aspnetForm"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk" />
<div class="content"><div class="head-title">เวทีรับฟังความคิดเห็นต่อแผนพัฒนาสุขภาพจังหวัด</div>
<p class="date">วันที่ประกาศ : ๑๔/๐๒/๒๕๖๘</p><img src="../../images/news/1230.png" alt="" /><p>สำนักงานสาธารณสุขจังหวัดศรีวารินทร์จัดเวทีรับฟังความคิดเห็นภาคประชาชน ภาคีเครือข่าย อสม. และองค์กรปกครองส่วนท้องถิ่น ๑๒๐ คน ต่อร่างแผนพัฒนาสุขภาพจังหวัด ปี ๒๕๖๘ ข้อเสนอที่ได้: เพิ่มหน่วยบริการเคลื่อนที่ในพื้นที่ห่างไกล และโครงการคัดกรองเบาหวานในชุมชน ซึ่งได้บรรจุในแผนแล้ว</p><p><a href="../News.aspx">ย้อนกลับ</a></p>
</div></form></body></html>