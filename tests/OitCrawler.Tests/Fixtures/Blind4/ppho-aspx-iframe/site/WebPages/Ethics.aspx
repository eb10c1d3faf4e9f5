<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874" />
<title>ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม</title><link href="../App_Themes/Default/content.css" rel="stylesheet" type="text/css" /></head>
<body><form name="aspnetForm" method="post" id="aspnetForm"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk" />
<div class="content"><div class="head-title">ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม</div>
<ul><li><a href="../DocLib/Files/ethics_code_moph.pdf">ประมวลจริยธรรมข้าราชการพลเรือน และข้อกำหนดจริยธรรม สป.สธ.</a></li>
<li>กิจกรรมขับเคลื่อนจริยธรรม ปี ๒๕๖๘: <a href="NewsDetail/1215.aspx">ค่ายคุณธรรม เสริมสร้างจริยธรรมบุคลากรสาธารณสุข (๒๐ ม.ค. ๒๕๖๘)</a></li></ul>
</div></form></body></html>