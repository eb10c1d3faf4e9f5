<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874" />
<title>ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๗</title><link href="../App_Themes/Default/content.css" rel="stylesheet" type="text/css" /></head>
<body><form name="aspnetForm" method="post" id="aspnetForm"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk" />
<div class="content"><div class="head-title">ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๗</div>
<table><tr><th>ข้อ</th><th>ข้อมูล</th></tr><tr><td>o9</td><td><a href="../DocLib/Files/annual_report_2566.pdf">รายงานผลการดำเนินงานประจำปี 2566</a></td></tr><tr><td>o12</td><td><a href="../DocLib/Files/service_stat.pdf">ข้อมูลเชิงสถิติการให้บริการ</a></td></tr><tr><td>o25</td><td><a href="../DocLib/Files/nogift_2567.pdf">ประกาศเจตนารมณ์ No Gift Policy 2567</a></td></tr><tr><td>o30</td><td><a href="../DocLib/Files/anticorruption_plan_2567.pdf">แผนปฏิบัติการป้องกันการทุจริต 2567</a></td></tr></table>
</div></form></body></html>