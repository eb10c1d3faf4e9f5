<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874" />
<title>E-Service</title><link href="../App_Themes/Default/content.css" rel="stylesheet" type="text/css" /></head>
<body><form name="aspnetForm" method="post" id="aspnetForm"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk" />
<div class="content"><div class="head-title">E-Service</div>
<ul><li><a href="https://eservice.srivarin.moph.go.th/license/" target="_blank">ระบบขออนุญาตออนไลน์ (สถานพยาบาล / ขายยา)</a></li>
<li><a href="https://eservice.srivarin.moph.go.th/complaint-product/" target="_blank">แจ้งเรื่องผลิตภัณฑ์สุขภาพไม่ปลอดภัยออนไลน์</a></li>
<li><a href="https://eservice.srivarin.moph.go.th/cert/" target="_blank">ขอหนังสือรับรองการตรวจสุขภาพออนไลน์</a></li></ul><p><a href="../DocLib/Files/eservice_user_guide.pdf">คู่มือการใช้งาน</a></p>
</div></form></body></html>