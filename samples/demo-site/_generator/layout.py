"""Common page frame of the demo site: header, menu, breadcrumb, footer."""
from html import escape

SITE = "เทศบาลตำบลท่าแพ"
ADDRESS = "เลขที่ ๙๙ หมู่ที่ ๓ ตำบลท่าแพ อำเภอเมืองนครศรีธรรมราช จังหวัดนครศรีธรรมราช ๘๐๐๐๐"
PHONE = "๐-๗๕๗๖-๕๒๖๗-๘"
FAX = "๐-๗๕๗๖-๕๒๖๙"
EMAIL = "saraban.thaphae@example.com"
ESERVICE = "/_down/e-service/"

MENU = [
    ("/", "หน้าแรก", []),
    ("/about/", "ข้อมูลพื้นฐาน", [
        ("/about/", "ประวัติและสภาพทั่วไป"),
        ("/about/vision/", "วิสัยทัศน์และพันธกิจ"),
        ("/about/structure/", "โครงสร้างและอำนาจหน้าที่"),
        ("/about/executives/", "คณะผู้บริหาร"),
        ("/about/council/", "สภาเทศบาล"),
        ("/about/units/", "ส่วนราชการ"),
        ("/contact/", "ข้อมูลการติดต่อ"),
    ]),
    ("/plan/", "แผนงาน", [
        ("/plan/development/", "แผนพัฒนาท้องถิ่น"),
        ("/plan/annual-2568/", "แผนการดำเนินงาน ปี ๒๕๖๘"),
        ("/plan/report/", "รายงานผลการดำเนินงาน"),
    ]),
    ("/procurement/", "จัดซื้อจัดจ้าง", [
        ("/procurement/2568/", "รายการจัดซื้อจัดจ้าง ปี ๒๕๖๘"),
        ("/procurement/announcements/", "ประกาศจัดซื้อจัดจ้าง"),
    ]),
    ("/services/", "บริการประชาชน", [
        ("/services/guide/", "คู่มือสำหรับประชาชน"),
        ("/services/statistics/", "สถิติการให้บริการ"),
        (ESERVICE, "E-Service ยื่นคำร้องออนไลน์"),
        ("/downloads/", "ดาวน์โหลดแบบฟอร์ม"),
    ]),
    ("/complaint/", "ร้องเรียน", [
        ("/complaint/", "แจ้งเรื่องร้องเรียนการทุจริต"),
        ("/complaint/guideline/", "แนวปฏิบัติการจัดการเรื่องร้องเรียน"),
        ("/complaint/statistics/", "สถิติเรื่องร้องเรียน"),
    ]),
    ("/ita/", "ITA", [
        ("/ita/2568/", "ITA ๒๕๖๘"),
        ("/anticorruption/", "การป้องกันการทุจริต"),
        ("/nogift/", "No Gift Policy"),
        ("/ethics/", "ประมวลจริยธรรม"),
        ("/participation/", "การมีส่วนร่วมของประชาชน"),
    ]),
    ("/news/", "ข่าวประชาสัมพันธ์", []),
    ("/contact/", "ติดต่อเรา", []),
]


def menu_html():
    out = ['<nav class="main-nav" aria-label="เมนูหลัก"><ul class="menu">']
    for href, label, sub in MENU:
        if sub:
            out.append(f'<li class="has-sub"><a href="{href}">{label}</a><ul class="sub">')
            for shref, slabel in sub:
                out.append(f'<li><a href="{shref}">{slabel}</a></li>')
            out.append("</ul></li>")
        else:
            out.append(f'<li><a href="{href}">{label}</a></li>')
    out.append("</ul></nav>")
    return "\n".join(out)


def page(title, body, crumbs=(), raw_title=None, heading=None, extra_head=""):
    """A full UTF-8 page. `title` is plain text (escaped here); `raw_title` is used as-is."""
    doc_title = raw_title if raw_title is not None else f"{escape(title)} | {SITE}"
    h1 = heading if heading is not None else escape(title)
    bc = ['<a href="/">หน้าแรก</a>'] + [f'<a href="{h}">{escape(t)}</a>' for h, t in crumbs]
    return f"""<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{doc_title}</title>
<link rel="stylesheet" href="/css/style.css">
<link rel="icon" href="/img/logo.png">{extra_head}
</head>
<body>
<header class="site-header">
  <a class="brand" href="/"><img src="/img/logo.png" alt="ตราสัญลักษณ์เทศบาลตำบลท่าแพ" width="60" height="60">
  <span class="brand-name">{SITE}<small>อำเภอเมืองนครศรีธรรมราช จังหวัดนครศรีธรรมราช</small></span></a>
</header>
{menu_html()}
<main class="content">
<div class="breadcrumb">{" &rsaquo; ".join(bc)}</div>
<h1>{h1}</h1>
{body}
</main>
<footer class="site-footer">
  <div class="footer-col">
    <strong>{SITE}</strong><br>
    {ADDRESS}<br>
    โทรศัพท์ {PHONE} &nbsp; โทรสาร {FAX}<br>
    อีเมล <a href="mailto:{EMAIL}">{EMAIL}</a><br>
    เวลาทำการ วันจันทร์ – วันศุกร์ เวลา ๐๘.๓๐ – ๑๖.๓๐ น. (เว้นวันหยุดราชการ)
  </div>
  <div class="footer-col">
    <a href="/privacy">นโยบายคุ้มครองข้อมูลส่วนบุคคล</a> ·
    <a href="/law/">กฎหมายที่เกี่ยวข้อง</a> ·
    <a href="/gallery/">ภาพกิจกรรม</a> ·
    <a href="/tourism/">สถานที่สำคัญ</a> ·
    <a href="/admin/">สำหรับเจ้าหน้าที่</a>
  </div>
  <div class="footer-note">เว็บไซต์สาธิตของ OitCrawler – ข้อมูลบุคคล ที่อยู่ และเอกสารในเว็บไซต์นี้เป็นข้อมูลสมมติ</div>
</footer>
</body>
</html>
"""


CSS = """
* { box-sizing: border-box; }
body { margin: 0; font-family: "Sarabun", "TH Sarabun New", Tahoma, sans-serif; font-size: 16px; color: #222; background: #f3f5f8; line-height: 1.6; }
a { color: #1d4f9c; }
.site-header { background: #1e3c78; color: #fff; padding: 10px 24px; }
.site-header .brand { color: #fff; text-decoration: none; display: flex; align-items: center; gap: 12px; }
.brand-name { font-size: 26px; font-weight: bold; }
.brand-name small { display: block; font-size: 14px; font-weight: normal; color: #dde4f3; }
.main-nav { background: #d4a82f; }
.main-nav ul.menu { list-style: none; margin: 0; padding: 0 16px; display: flex; flex-wrap: wrap; }
.main-nav li { position: relative; }
.main-nav a { display: block; padding: 9px 14px; color: #1b1b1b; text-decoration: none; font-weight: bold; }
.main-nav li:hover > a { background: #e9c75a; }
.main-nav ul.sub { display: none; position: absolute; left: 0; top: 100%; background: #fff; list-style: none; margin: 0; padding: 0; min-width: 260px; box-shadow: 0 3px 8px rgba(0,0,0,.2); z-index: 10; }
.main-nav li:hover ul.sub { display: block; }
.main-nav ul.sub a { font-weight: normal; border-bottom: 1px solid #eee; }
.content { max-width: 1100px; margin: 18px auto; background: #fff; padding: 20px 28px 32px; border-radius: 4px; }
.breadcrumb { font-size: 14px; color: #666; margin-bottom: 6px; }
h1 { font-size: 26px; color: #1e3c78; border-bottom: 3px solid #d4a82f; padding-bottom: 6px; }
h2 { font-size: 21px; color: #1e3c78; margin-top: 26px; }
h3 { font-size: 18px; margin-bottom: 4px; }
table { border-collapse: collapse; width: 100%; margin: 10px 0 18px; font-size: 15px; }
th, td { border: 1px solid #c9d1de; padding: 6px 8px; vertical-align: top; }
th { background: #e7edf7; }
tr.group td { background: #f7f0da; font-weight: bold; }
td.num { text-align: right; white-space: nowrap; }
.muted { color: #777; }
.pending { color: #a33; }
.date { color: #777; font-size: 14px; }
.news-list { list-style: none; padding: 0; }
.news-list li { padding: 8px 0; border-bottom: 1px dashed #ddd; }
.cards { display: flex; flex-wrap: wrap; gap: 14px; }
.card { border: 1px solid #dde; border-radius: 4px; padding: 10px; width: 240px; background: #fafbfd; }
.person { display: flex; gap: 12px; border: 1px solid #e1e5ee; padding: 10px; border-radius: 4px; width: 330px; background: #fbfcfe; }
.person img { border: 1px solid #ccc; }
.vacant { width: 90px; height: 112px; display: flex; align-items: center; justify-content: center; background: #eee; color: #888; font-size: 13px; }
.quick { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0; }
.quick a { background: #1e3c78; color: #fff; padding: 10px 16px; border-radius: 4px; text-decoration: none; }
.banner img { width: 100%; height: auto; display: block; }
details { border: 1px solid #c9d1de; border-radius: 4px; padding: 6px 12px; margin-top: 20px; }
summary { cursor: pointer; font-weight: bold; color: #1e3c78; }
form.complaint label { display: block; margin-top: 8px; font-weight: bold; }
form.complaint input[type=text], form.complaint input[type=tel], form.complaint input[type=email], form.complaint select, form.complaint textarea { width: 100%; padding: 6px; border: 1px solid #aab; border-radius: 3px; font: inherit; }
form.complaint button { margin-top: 12px; padding: 8px 22px; background: #1e3c78; color: #fff; border: 0; border-radius: 3px; font: inherit; }
.site-footer { background: #16305f; color: #e6ebf5; padding: 18px 28px; display: flex; flex-wrap: wrap; gap: 30px; font-size: 14px; }
.site-footer a { color: #ffd96a; }
.footer-note { width: 100%; color: #aab6d0; font-size: 12px; }
.gallery img { margin: 4px; border: 1px solid #ccc; }
"""
