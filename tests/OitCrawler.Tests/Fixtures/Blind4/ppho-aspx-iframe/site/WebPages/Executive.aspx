<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874" />
<title>ผู้บริหาร</title><link href="../App_Themes/Default/content.css" rel="stylesheet" type="text/css" /></head>
<body><form name="aspnetForm" method="post" id="aspnetForm"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk" />
<div class="content"><div class="head-title">ผู้บริหาร</div>
<div align="center"><img src="../images/executive_2568.png" width="600" alt="ผู้บริหารสำนักงานสาธารณสุขจังหวัดศรีวารินทร์ นายแพทย์สมศักดิ์ ใจงาม นายแพทย์สาธารณสุขจังหวัดศรีวารินทร์ นายแพทย์ธีรวัฒน์ บุญมา รองนายแพทย์สาธารณสุขจังหวัด (ด้านเวชกรรมป้องกัน) นายประยุทธ ศรีสุข รองนายแพทย์สาธารณสุขจังหวัด (ด้านบริหาร)" /></div>
</div></form></body></html>