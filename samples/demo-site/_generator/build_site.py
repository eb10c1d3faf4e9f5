#!/usr/bin/env python3
"""Builds the OitCrawler demo site (fictional content for เทศบาลตำบลท่าแพ) into the parent folder.

Run:  python3 samples/demo-site/_generator/build_site.py
Everything outside _generator/, README.md and EXPECTED.md is regenerated.
The intended OIT verdicts are documented in ../EXPECTED.md; keep the two in step.
"""
import os
import shutil
import sys
from html import escape
from urllib.parse import quote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import (ROOT, MONTHS, MONTHS_SHORT, th, thdate, write, portrait, activity_photo, org_chart, logo,  # noqa: E402
                 banner, pdf_text, pdf_scanned)
from layout import page, CSS, SITE, ADDRESS, PHONE, FAX, EMAIL, ESERVICE  # noqa: E402

KEEP = {"_generator", "README.md", "EXPECTED.md"}


def clean():
    for name in os.listdir(ROOT):
        if name in KEEP:
            continue
        p = os.path.join(ROOT, name)
        shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)


def html(path, content):
    """path like /about/structure/ -> about/structure/index.html"""
    rel = path + "index.html" if path.endswith("/") else path
    write(rel, content)


def u(path):
    """Percent-encode a path holding Thai characters (as most CMSs emit links)."""
    return quote(path, safe="/-._~")


# ======================================================================== images

def images():
    write("img/logo.png", logo())
    write("img/banner.png", banner())
    write("img/org-chart-2568.png", org_chart())
    for i, name in enumerate(["mayor", "deputy1", "deputy2", "secretary", "advisor",
                              "clerk", "office-head", "finance", "engineering", "health", "water", "education"]):
        write(f"img/exec/{name}.png", portrait(100 + i))
    for i, name in enumerate(["forum-1", "forum-2", "ethics-1", "ethics-2", "nogift-1", "volunteer-1",
                              "localday-1", "rabies-1", "haepha-1", "water-1", "old-1", "old-2", "old-3"]):
        write(f"img/activity/{name}.png", activity_photo(500 + i))


# ======================================================================== people

POLITICAL = [
    ("mayor", "นายจรัญ เจียจิราพัทธนันท์", "นายกเทศมนตรีตำบลท่าแพ", "๑๐๑", "mayor.thaphae@example.com"),
    ("deputy1", "นายประพันธ์ ศรีสวัสดิ์", "รองนายกเทศมนตรี คนที่ ๑", "๑๐๒", "deputy1.thaphae@example.com"),
    ("deputy2", "นางวิไลวรรณ ทองเกลี้ยง", "รองนายกเทศมนตรี คนที่ ๒", "๑๐๓", "deputy2.thaphae@example.com"),
    ("secretary", "นายสมเกียรติ ชูแก้ว", "เลขานุการนายกเทศมนตรี", "๑๐๔", "secretary.thaphae@example.com"),
    ("advisor", "นายอนันต์ พรหมทอง", "ที่ปรึกษานายกเทศมนตรี", "๑๐๔", "advisor.thaphae@example.com"),
]
PERMANENT = [
    ("clerk", "นางภาวดี สุปรียสุนทร", "ปลัดเทศบาล", "๑๐๕", "palad.thaphae@example.com"),
    (None, None, "รองปลัดเทศบาล", None, None),
    ("office-head", "นางสายฝน ยกชู", "หัวหน้าสำนักปลัดเทศบาล", "๑๑", "office.thaphae@example.com"),
    ("finance", "นางสาวจิราพร แก้วประดิษฐ์", "ผู้อำนวยการกองคลัง", "๑๒", "finance.thaphae@example.com"),
    ("engineering", "นายธีระพงศ์ บุญยืน", "ผู้อำนวยการกองช่าง", "๑๓", "engineer.thaphae@example.com"),
    ("health", "นายวรวุฒิ สุขเจริญ", "ผู้อำนวยการกองสาธารณสุขและสิ่งแวดล้อม", "๑๔", "health.thaphae@example.com"),
    ("water", "นายชาญวิทย์ ปานทอง", "ผู้อำนวยการกองการประปา", "๑๕", "water.thaphae@example.com"),
    ("education", "นางปราณี รัตนพันธ์", "ผู้อำนวยการกองการศึกษา", "๑๖", "education.thaphae@example.com"),
]
UNITS = [
    ("สำนักปลัดเทศบาล", "๑๑", "งานบริหารทั่วไป งานธุรการ งานการเจ้าหน้าที่ งานนโยบายและแผน งานนิติการ งานป้องกันและบรรเทาสาธารณภัย งานสวัสดิการและพัฒนาชุมชน"),
    ("กองคลัง", "๑๒", "งานการเงินและบัญชี งานพัฒนาและจัดเก็บรายได้ งานพัสดุและทรัพย์สิน งานแผนที่ภาษีและทะเบียนทรัพย์สิน"),
    ("กองช่าง", "๑๓", "งานวิศวกรรม งานควบคุมอาคาร งานสาธารณูปโภค งานผังเมือง งานไฟฟ้าสาธารณะ"),
    ("กองสาธารณสุขและสิ่งแวดล้อม (กองสาธารณสุขฯ)", "๑๔", "งานรักษาความสะอาด งานจัดการมูลฝอย งานส่งเสริมสุขภาพ งานควบคุมโรค งานสุขาภิบาลอาหาร"),
    ("กองการประปา", "๑๕", "งานผลิตน้ำประปา งานบริการและจำหน่ายน้ำ งานซ่อมบำรุงระบบท่อส่งน้ำ"),
    ("กองการศึกษา", "๑๖", "งานบริหารการศึกษา ศูนย์พัฒนาเด็กเล็กเทศบาลตำบลท่าแพ งานกีฬาและนันทนาการ งานศาสนาและวัฒนธรรม"),
]
COUNCIL = [
    ("นายสุรชัย เพชรรัตน์", "ประธานสภาเทศบาลตำบลท่าแพ"),
    ("นายบุญเลิศ จันทร์หอม", "รองประธานสภาเทศบาลตำบลท่าแพ"),
    ("นางภาวดี สุปรียสุนทร", "เลขานุการสภาเทศบาล (ปลัดเทศบาล)"),
    ("นายวิชัย แสงทอง", "สมาชิกสภาเทศบาล เขต ๑"), ("นางสาวพรทิพย์ ขาวสะอาด", "สมาชิกสภาเทศบาล เขต ๑"),
    ("นายเอกชัย นาคสุข", "สมาชิกสภาเทศบาล เขต ๑"), ("นายไพโรจน์ ศรีเมือง", "สมาชิกสภาเทศบาล เขต ๑"),
    ("นายมานพ ทองสุข", "สมาชิกสภาเทศบาล เขต ๑"), ("นางจันทร์เพ็ญ รักษ์ธรรม", "สมาชิกสภาเทศบาล เขต ๒"),
    ("นายสุเมธ บัวแก้ว", "สมาชิกสภาเทศบาล เขต ๒"), ("นายเกรียงไกร ชูช่วย", "สมาชิกสภาเทศบาล เขต ๒"),
    ("นายณรงค์ คงเพชร", "สมาชิกสภาเทศบาล เขต ๒"), ("นางอำไพ ด้วงแก้ว", "สมาชิกสภาเทศบาล เขต ๒"),
]


# ======================================================================== documents (PDF)

DOCS = {}  # path -> bytes


def doc(path, title, lines, **kw):
    DOCS[path] = pdf_text(title, lines, **kw)
    return path


def documents():
    org = "Tha Phae Subdistrict Municipality, Mueang Nakhon Si Thammarat, Nakhon Si Thammarat"
    # --- plans
    doc("/files/plan/แผนพัฒนาท้องถิ่น-66-70.pdf", "Local Development Plan B.E. 2566-2570 (2023-2027)", [
        org, "",
        "Plan period: fiscal years 2566, 2567, 2568, 2569 and 2570 (October 2022 - September 2027).",
        "Approved by the Mayor, Mr. Charan Chiachiraphatthanan, on 28 October 2021 (B.E. 2564).",
        "", "Development strategies:",
        "1. Infrastructure: roads, drainage, street lighting, water supply.",
        "2. Quality of life: health, elderly and disabled welfare, sport.",
        "3. Education, religion and local culture.",
        "4. Environment and waste management.",
        "5. Good governance and public participation.",
        "", "Project accounts per year are in Part 3 (Form Phor.Chor.02).",
    ], created="D:20211028100000+07'00'")
    doc("/files/plan/แผนพัฒนาท้องถิ่น-เพิ่มเติม-1-68.pdf", "Local Development Plan 2566-2570, Amendment No. 1/2568", [
        org, "", "Amendment No. 1, fiscal year 2568 (2025), approved 20 December 2024.",
        "Adds 4 infrastructure projects and 2 water supply projects for fiscal years 2568-2569.",
    ], created="D:20241220100000+07'00'")
    doc("/files/plan/แผนดำเนินงาน-2568.pdf", "Action Plan, Fiscal Year 2568 (October 2024 - September 2025)", [
        org, "", "Announced 30 October 2024 (B.E. 2567).",
        "Projects in the plan: 62. Total budget: 41,850,000 THB.",
        "", "Strategy 1 Infrastructure: 21 projects, 18,420,000 THB",
        "Strategy 2 Quality of life: 14 projects, 11,260,000 THB",
        "Strategy 3 Education, religion and culture: 12 projects, 7,930,000 THB",
        "Strategy 4 Environment: 7 projects, 2,540,000 THB",
        "Strategy 5 Good governance: 8 projects, 1,700,000 THB",
    ], created="D:20241030100000+07'00'")
    doc("/files/plan/progress-6m-2568.pdf", "Progress Report on Operations and Budget Spending, FY 2568, first 6 months", [
        org, "", "Reporting period: 1 October 2024 - 31 March 2025 (fiscal year 2568, quarters 1-2).",
        "Projects started: 34 of 62 (54.8%). Projects completed: 19.",
        "Budget disbursed: 17,936,400 THB of 41,850,000 THB (42.9%).",
        "Problems: rainy season delayed two road projects in Moo 2 and Moo 5.",
        "Reported to the Mayor on 18 April 2025.",
    ], created="D:20250418100000+07'00'")
    doc("/files/plan/รายงานผล-66.pdf", "Annual Performance Report, Fiscal Year 2566 (October 2022 - September 2023)", [
        org, "", "Results of projects in fiscal year 2566: 48 of 59 projects carried out (81.4%).",
        "Budget spent: 35,112,960 THB.",
        "Problems and obstacles: limited budget, staff shortage in the Engineering Division.",
        "Recommendations: prioritise drainage projects; share vehicles between divisions.",
        "Approved 15 December 2023 (B.E. 2566).",
    ], created="D:20231215100000+07'00'")
    doc("/files/plan/รายงานผล-65.pdf", "Annual Performance Report, Fiscal Year 2565 (October 2021 - September 2022)", [
        org, "", "Results of projects in fiscal year 2565: 44 of 57 projects carried out.",
        "Budget spent: 31,870,250 THB.", "Approved 20 December 2022 (B.E. 2565).",
    ], created="D:20221220100000+07'00'")
    # --- staff manuals (O8), linked from the TIS-620 page
    manuals = [
        ("office", "Office of the Municipal Clerk", "Correspondence (saraban) and document control"),
        ("finance", "Finance Division", "Tax collection and disbursement of payments"),
        ("engineering", "Engineering Division", "Building permit review and site inspection"),
        ("health", "Public Health and Environment Division", "Solid waste collection and disposal"),
        ("water", "Waterworks Division", "Water production, distribution and meter service"),
        ("education", "Education Division", "Child development centre operations"),
        ("complaint", "Office of the Municipal Clerk", "Handling of complaints about corruption and misconduct (staff procedure)"),
    ]
    for slug, unit, topic in manuals:
        doc(f"/files/manual/manual-{slug}.pdf", f"Staff Operating Manual: {topic}", [
            org, f"Unit: {unit}", "Revised edition, in force from 1 October 2024 (B.E. 2567) until replaced.", "",
            "1. Purpose and scope of the work.", "2. Step-by-step procedure with responsible officer and time limit.",
            "3. Forms and records to be kept.", "4. Standard of service and quality control.",
            "5. Relevant laws and regulations.",
        ], created="D:20241001090000+07'00'")
    # --- procurement
    doc("/files/procurement/procurement-plan-2568.pdf", "Procurement Plan, Fiscal Year 2568", [
        org, "", "Announced 15 November 2024. 27 procurement items, total 16,240,000 THB.",
        "Published in the e-GP system (process.gprocurement.go.th).",
    ], created="D:20241115100000+07'00'")
    for m, y, name in [(10, 2024, "ตค67"), (11, 2024, "พย67"), (12, 2024, "ธค67"),
                       (1, 2025, "มค68"), (2, 2025, "กพ68"), (3, 2025, "มีค68")]:
        en = ["", "January", "February", "March", "", "", "", "", "", "", "October", "November", "December"][m]
        doc(f"/files/procurement/สขร1-{name}.pdf", f"Summary of Procurement Results (Sor Khor Ror 1), {en} {y}", [
            org, f"Fiscal year 2568. Month: {en} {y} (B.E. {y + 543}).",
            "Columns: item, budget, method, bidders and prices, selected supplier, reason, contract no. and date.",
            f"Items this month: {3 + m % 4}.",
        ], created=f"D:{y}{m:02d}28100000+07'00'")
    DOCS["/files/doc/DOC00213.pdf"] = pdf_scanned()
    # --- ethics, complaints, participation, no gift, anti-corruption
    doc("/files/ethics/code-of-ethics.pdf", "Code of Ethics of Tha Phae Subdistrict Municipality Officials", [
        org, "", "Announced under the Standard of Ethics Act B.E. 2562 (2019). In force until amended.",
        "Core values: loyalty to the nation, religion and monarchy; honesty and responsibility;",
        "putting the public interest first; political neutrality; fair and non-discriminatory service;",
        "transparency and accountability; no conflict of interest.",
    ], created="D:20230301100000+07'00'")
    doc("/files/complaint/complaint-handling-guideline.pdf", "Guideline for Handling Complaints about Corruption and Misconduct", [
        org, "", "In force from 1 October 2024. Responsible unit: Complaint Centre, Office of the Municipal Clerk.",
        "Channels: in person, letter, telephone 0-7576-5267-8, e-mail, online form on the municipal website,",
        "NACC Whistleblower System (wbs.nacc.go.th).",
        "Steps: register within 1 working day; acknowledge within 3 working days; investigate;",
        "report the result to the complainant within 30 days (extendable once by 15 days).",
    ], created="D:20241001100000+07'00'")
    doc("/files/participation/minutes-forum-2568.pdf", "Minutes of the Community Forum on the Local Development Plan Review", [
        org, "", "Date: 12 February 2025 (B.E. 2568), 09:00-12:00, municipal meeting hall.",
        "Participants: 85 residents from Moo 1-8, community leaders and municipal staff.",
        "Proposals: 14 projects (drainage Moo 5, street lights Moo 2, elderly activity centre).",
    ], created="D:20250214100000+07'00'")
    doc("/files/nogift/nogift-declaration-2568.pdf", "Declaration of Intent: No Gift Policy, Fiscal Year 2568", [
        org, "", "The Mayor, executives and all staff declare that they will not give or accept gifts",
        "in the performance of their duties. Signed by Mr. Charan Chiachiraphatthanan, Mayor,",
        "on 1 October 2024 (B.E. 2567).",
    ], created="D:20241001100000+07'00'")
    doc("/files/anticorruption/แผนปฏิบัติการป้องกันการทุจริต-2567.pdf", "Anti-Corruption Action Plan, Fiscal Year 2567 (October 2023 - September 2024)", [
        org, "", "Approved 25 October 2023 (B.E. 2566). 18 measures/projects, budget 320,000 THB.",
        "Dimension 1: preventing corruption - 7 projects.", "Dimension 2: public service and administration - 5 projects.",
        "Dimension 3: participation and monitoring - 4 projects.", "Dimension 4: strengthening audit mechanisms - 2 projects.",
    ], created="D:20231025100000+07'00'")
    doc("/files/anticorruption/acplan-report-2567.pdf", "Report on the Results of the Anti-Corruption Action Plan, FY 2567", [
        org, "", "Fiscal year 2567 (October 2023 - September 2024). Reported 25 October 2024.",
        "Measures carried out: 16 of 18. Budget spent: 284,500 THB of 320,000 THB.",
        "Problems: two training projects postponed; recommendation: schedule them in quarter 1.",
    ], created="D:20241025100000+07'00'")
    doc("/files/anticorruption/risk-assessment-2568.pdf", "Bribery Risk Assessment, Fiscal Year 2568", [
        org, "", "Assessment date: 20 November 2024 (B.E. 2567). Fiscal year 2568.",
        "Processes assessed: building permits, procurement, land and building tax, water meter installation.",
        "Each risk: event, likelihood, impact, level, control measure, responsible division.",
    ], created="D:20241120100000+07'00'")
    # --- 2567 documents (old ITA block; decoys)
    doc("/files/2567/action-plan-2567.pdf", "Action Plan, Fiscal Year 2567 (October 2023 - September 2024)", [
        org, "", "Projects in the plan: 59. Total budget: 38,960,000 THB. Announced 31 October 2023.",
    ], created="D:20231031100000+07'00'")
    doc("/files/2567/คู่มือปฏิบัติงาน-2567.pdf", "Staff Operating Manuals, edition 2567", [
        org, "", "Collected staff manuals of all divisions, edition of fiscal year 2567 (2024).",
        "Superseded by the revised manuals in force from 1 October 2024.",
    ], created="D:20240115100000+07'00'")
    doc("/files/2567/procurement-plan-2567.pdf", "Procurement Plan, Fiscal Year 2567", [
        org, "", "Announced 10 November 2023. 24 procurement items, total 14,880,000 THB.",
    ], created="D:20231110100000+07'00'")
    doc("/files/2567/risk-2567.pdf", "Corruption Risk Assessment, Fiscal Year 2567", [
        org, "", "Assessment date: 17 November 2023. Fiscal year 2567 (2024).",
    ], created="D:20231117100000+07'00'")
    doc("/files/2567/participation-2567.pdf", "Public Participation Activities, Fiscal Year 2567", [
        org, "", "Community forums held on 8 February 2024 and 21 March 2024 (B.E. 2567).",
    ], created="D:20240325100000+07'00'")
    # --- forms
    doc("/files/downloads/general-petition-form.pdf", "General Petition Form (Kor Ror 1)", [
        org, "", "Name ....................  ID card no. ....................", "Address ....................",
        "Subject of the petition ....................", "Signature ....................",
    ])
    doc("/files/downloads/building-permit-form.pdf", "Application for Building Permit (Form Kor 1)", [
        org, "", "Under the Building Control Act B.E. 2522.", "Applicant ....................  Plot title deed no. ..........",
    ])
    doc("/files/downloads/elderly-allowance-form.pdf", "Registration Form for the Elderly Allowance", [
        org, "", "For persons who reach 60 years of age in the next fiscal year.",
    ])
    # --- robots trap: an unpublished draft behind /admin/ (Disallow in robots.txt)
    doc("/admin/drafts/hr-plan-2568-draft.pdf", "DRAFT - Human Resource Management and Development Plan, FY 2568", [
        org, "", "DRAFT - NOT FOR PUBLICATION. Working copy of the personnel committee, 3 February 2025.",
    ], created="D:20250203100000+07'00'")
    for p, data in DOCS.items():
        write(p, data)


# ======================================================================== news

NEWS = [
    # slug, (d, m, y), title, body paragraphs, image, thai digits in date
    ("rabies-vaccine", (2, 5, 2568), "กองสาธารณสุขฯ ออกให้บริการฉีดวัคซีนป้องกันโรคพิษสุนัขบ้า ประจำปี ๒๕๖๘",
     ["กองสาธารณสุขและสิ่งแวดล้อม เทศบาลตำบลท่าแพ ออกหน่วยให้บริการฉีดวัคซีนป้องกันโรคพิษสุนัขบ้าแก่สุนัขและแมวในเขตเทศบาล "
      "ครบทั้ง ๘ หมู่บ้าน ระหว่างวันที่ ๒ – ๙ พฤษภาคม ๒๕๖๘ โดยไม่เสียค่าใช้จ่าย",
      "ผู้เลี้ยงสัตว์สามารถสอบถามตารางการออกหน่วยได้ที่ กองสาธารณสุขฯ โทร ๐-๗๕๗๖-๕๒๖๗-๘ ต่อ ๑๔"], "rabies-1", True),
    ("local-day", (18, 3, 2568), "เทศบาลตำบลท่าแพจัดกิจกรรมเนื่องในวันท้องถิ่นไทย ประจำปี 2568",
     ["วันที่ 18 มีนาคม 2568 นายจรัญ เจียจิราพัทธนันท์ นายกเทศมนตรีตำบลท่าแพ พร้อมด้วยคณะผู้บริหาร สมาชิกสภาเทศบาล "
      "และพนักงานเทศบาล ร่วมกิจกรรมเนื่องในวันท้องถิ่นไทย ณ สำนักงานเทศบาลตำบลท่าแพ",
      "ภายในงานมีพิธีถวายราชสักการะ การมอบเกียรติบัตรแก่พนักงานดีเด่น และกิจกรรมบำเพ็ญสาธารณประโยชน์"], "localday-1", False),
    ("road-closure", (10, 3, 2568), None,  # the XSS-titled notice, handled specially
     ["ด้วยเทศบาลตำบลท่าแพ มีโครงการก่อสร้างรางระบายน้ำ คสล. หมู่ที่ ๕ (ซอยบ้านนายเขียว) จึงขอปิดการจราจรชั่วคราว "
      "ตั้งแต่วันที่ ๑๗ – ๓๑ มีนาคม ๒๕๖๘ เวลา ๐๘.๐๐ – ๑๗.๐๐ น. ขอให้ผู้ใช้รถใช้ถนนใช้เส้นทางเลี่ยงผ่านถนนสายหมู่ที่ ๔",
      "ขออภัยในความไม่สะดวกมา ณ โอกาสนี้ สอบถามเพิ่มเติม กองช่าง โทร ๐-๗๕๗๖-๕๒๖๗-๘ ต่อ ๑๓"], None, True),
    ("land-tax", (3, 3, 2568), "ประชาสัมพันธ์การชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี พ.ศ. 2568",
     ["กองคลัง เทศบาลตำบลท่าแพ ขอเชิญชวนผู้มีหน้าที่เสียภาษีที่ดินและสิ่งปลูกสร้าง และภาษีป้าย ชำระภาษีประจำปี พ.ศ. 2568 "
      "ภายในวันที่ 30 เมษายน 2568 ณ กองคลัง สำนักงานเทศบาลตำบลท่าแพ ในวันและเวลาราชการ",
      "ผู้ที่ชำระภาษีเกินกำหนดจะต้องเสียเบี้ยปรับและเงินเพิ่มตามพระราชบัญญัติภาษีที่ดินและสิ่งปลูกสร้าง พ.ศ. 2562"], None, False),
    ("ethics-training", (20, 2, 2568), "โครงการอบรมส่งเสริมคุณธรรมจริยธรรมสำหรับบุคลากร ประจำปีงบประมาณ พ.ศ. 2568",
     ["วันที่ 20 กุมภาพันธ์ 2568 สำนักปลัดเทศบาล จัดโครงการอบรมส่งเสริมคุณธรรมจริยธรรมสำหรับผู้บริหาร สมาชิกสภาเทศบาล "
      "พนักงานเทศบาล และพนักงานจ้าง จำนวน 96 คน ณ ห้องประชุมเทศบาลตำบลท่าแพ",
      "เนื้อหาการอบรมประกอบด้วย ประมวลจริยธรรมพนักงานเทศบาล การป้องกันผลประโยชน์ทับซ้อน และการปฏิบัติตามนโยบาย No Gift Policy"],
     "ethics-1", False),
    ("community-forum", (12, 2, 2568), "การจัดประชุมประชาคมท้องถิ่น เพื่อทบทวนแผนพัฒนาท้องถิ่น",
     ["วันที่ ๑๒ กุมภาพันธ์ ๒๕๖๘ เทศบาลตำบลท่าแพ จัดประชุมประชาคมท้องถิ่นระดับตำบล เพื่อรับฟังความคิดเห็นและรวบรวมปัญหา "
      "ความต้องการของประชาชนสำหรับการทบทวนแผนพัฒนาท้องถิ่น มีผู้เข้าร่วม ๘๕ คน",
      "รายละเอียดและรายงานการประชุมดูได้ที่หน้า <a href=\"/participation/\">การมีส่วนร่วมของประชาชน</a>"], "forum-1", True),
    ("water-outage", (8, 1, 2568), "แจ้งงดจ่ายน้ำประปาชั่วคราว หมู่ที่ 2 และหมู่ที่ 4",
     ["กองการประปา เทศบาลตำบลท่าแพ ขอแจ้งงดจ่ายน้ำประปาชั่วคราวในวันที่ 10 มกราคม 2568 เวลา 09.00 – 15.00 น. "
      "เพื่อซ่อมแซมท่อเมนประปาขนาด 4 นิ้ว บริเวณหมู่ที่ 2 และหมู่ที่ 4 ขอให้ประชาชนสำรองน้ำไว้ใช้ล่วงหน้า"], "water-1", False),
    ("volunteer-day", (5, 12, 2567), "กิจกรรมจิตอาสาพัฒนา เนื่องในวันพ่อแห่งชาติ ๕ ธันวาคม ๒๕๖๗",
     ["เทศบาลตำบลท่าแพ ร่วมกับผู้นำชุมชนและจิตอาสา จัดกิจกรรมทำความสะอาดริมคลองท่าแพและปลูกต้นไม้ "
      "เนื่องในวันคล้ายวันพระบรมราชสมภพ พระบาทสมเด็จพระบรมชนกาธิเบศร มหาภูมิพลอดุลยเดชมหาราช บรมนาถบพิตร"], "volunteer-1", True),
    ("nogift-meeting", (7, 11, 2567), "ประชุมชี้แจงแนวทางปฏิบัติตามนโยบาย No Gift Policy ประจำปีงบประมาณ พ.ศ. 2568",
     ["วันที่ 7 พฤศจิกายน 2567 ปลัดเทศบาลตำบลท่าแพ ประชุมชี้แจงพนักงานเทศบาลทุกส่วนราชการ เรื่องการงดให้และงดรับของขวัญ "
      "และของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy) ตามประกาศเจตนารมณ์ของนายกเทศมนตรี"], "nogift-1", False),
    # previous fiscal year (FY 2567)
    ("hae-pha", (24, 2, 2567), "เทศบาลตำบลท่าแพร่วมงานประเพณีแห่ผ้าขึ้นธาตุ ประจำปี 2567",
     ["คณะผู้บริหารและพนักงานเทศบาลตำบลท่าแพ ร่วมขบวนแห่ผ้าขึ้นธาตุ ณ วัดพระมหาธาตุวรมหาวิหาร เนื่องในวันมาฆบูชา"], "haepha-1", False),
]
XSS_TITLE_RAW = "&lt;script&gt;alert(1)&lt;/script&gt; ประกาศ"  # as it must appear in the HTML source


def news_url(slug, date):
    return f"/news/{date[2]}/{slug}/"


def news_date_html(date, thai, split=False):
    d, m, y = date
    if split:  # a year split across tags, as some CMS templates emit
        ys = str(y)
        return f'{d} {MONTHS[m]} <span class="y">{ys[:3]}</span>{ys[3]}'
    return thdate(d, m, y, thai)


def news_title_html(item):
    return XSS_TITLE_RAW if item[2] is None else escape(item[2])


def news_pages():
    for slug, date, title, paras, img, thai in NEWS:
        url = news_url(slug, date)
        body = [f'<p class="date">วันที่ประกาศ: {news_date_html(date, thai, split=(slug == "land-tax"))} · โดย งานประชาสัมพันธ์</p>']
        if img:
            body.append(f'<p><img src="/img/activity/{img}.png" alt="ภาพกิจกรรม" width="400" height="260"></p>')
        body += [f"<p>{p}</p>" for p in paras]
        body.append('<p><a href="/news/">&laquo; กลับไปหน้าข่าวประชาสัมพันธ์</a></p>')
        crumbs = [("/news/", "ข่าวประชาสัมพันธ์")]
        if title is None:
            html(url, page("", "\n".join(body), crumbs, raw_title=XSS_TITLE_RAW, heading=XSS_TITLE_RAW))
        else:
            html(url, page(title, "\n".join(body), crumbs))
    items = []
    for item in NEWS:
        slug, date = item[0], item[1]
        items.append(f'<li><a href="{news_url(slug, date)}">{news_title_html(item)}</a> '
                     f'<span class="date">({news_date_html(date, item[5])})</span></li>')
    body = f"""<p>ข่าวสารและกิจกรรมของเทศบาลตำบลท่าแพ เรียงตามวันที่ประกาศ</p>
<h2>ปีงบประมาณ พ.ศ. ๒๕๖๘</h2>
<ul class="news-list">
{chr(10).join(items[:-1])}
</ul>
<h2>ปีงบประมาณ พ.ศ. ๒๕๖๗</h2>
<ul class="news-list">
{items[-1]}
</ul>"""
    html("/news/", page("ข่าวประชาสัมพันธ์", body))


# ======================================================================== pages

def home():
    news = "\n".join(
        f'<li><a href="{news_url(n[0], n[1])}">{news_title_html(n)}</a> <span class="date">{news_date_html(n[1], n[5])}</span></li>'
        for n in NEWS[:6])
    body = f"""<div class="banner"><img src="/img/banner.png" alt="ภาพบรรยากาศตำบลท่าแพ" width="960" height="170"></div>
<div class="quick">
  <a href="/ita/2568/">การประเมินคุณธรรมและความโปร่งใส ITA 2568</a>
  <a href="{ESERVICE}">E-Service ยื่นคำร้องออนไลน์</a>
  <a href="/complaint/">แจ้งเรื่องร้องเรียนการทุจริต</a>
  <a href="/services/guide/">คู่มือสำหรับประชาชน</a>
  <a href="/procurement/2568/">จัดซื้อจัดจ้าง</a>
</div>
<h2>ข่าวประชาสัมพันธ์</h2>
<ul class="news-list">
{news}
</ul>
<p><a href="/news/">ดูข่าวทั้งหมด &raquo;</a></p>
<h2>ประกาศจัดซื้อจัดจ้าง</h2>
<ul class="news-list">
<li><a href="/procurement/announcements/">ประกาศผู้ชนะการเสนอราคา โครงการก่อสร้างรางระบายน้ำ คสล. หมู่ที่ ๕</a> <span class="date">๒๘ กุมภาพันธ์ ๒๕๖๘</span></li>
<li><a href="/procurement/announcements/">ประกาศเชิญชวน ประกวดราคาจ้างก่อสร้างถนน คสล. สายบ้านนายพริ้ง หมู่ที่ ๒ ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)</a> <span class="date">๑๔ มกราคม ๒๕๖๘</span></li>
<li><a href="/procurement/announcements/">ประกาศแผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</a> <span class="date">๑๕ พฤศจิกายน ๒๕๖๗</span></li>
</ul>
<h2>สารจากนายกเทศมนตรี</h2>
<p>เทศบาลตำบลท่าแพมุ่งมั่นพัฒนาตำบลให้น่าอยู่ บริการประชาชนด้วยความโปร่งใส ตรวจสอบได้ และเปิดโอกาสให้ประชาชนมีส่วนร่วมในทุกขั้นตอน
– นายจรัญ เจียจิราพัทธนันท์ นายกเทศมนตรีตำบลท่าแพ</p>
<h2>ลิงก์หน่วยงานที่เกี่ยวข้อง</h2>
<ul>
<li><a href="https://www.dla.go.th/">กรมส่งเสริมการปกครองท้องถิ่น</a></li>
<li><a href="https://www.nacc.go.th/">สำนักงาน ป.ป.ช.</a></li>
<li><a href="https://www.nakhonsithammarat.go.th/">จังหวัดนครศรีธรรมราช</a></li>
<li><a href="https://www.gprocurement.go.th/">ระบบการจัดซื้อจัดจ้างภาครัฐ (e-GP)</a></li>
</ul>"""
    write("index.html", page("หน้าแรก", body, raw_title=f"{SITE} อำเภอเมืองนครศรีธรรมราช จังหวัดนครศรีธรรมราช",
                             heading=f"ยินดีต้อนรับสู่เว็บไซต์{SITE}"))


def about():
    body = f"""<h2>ประวัติความเป็นมา</h2>
<p>เทศบาลตำบลท่าแพ ตั้งอยู่ในเขตอำเภอเมืองนครศรีธรรมราช จังหวัดนครศรีธรรมราช ชื่อ "ท่าแพ" มาจากท่าน้ำริมคลองที่ชาวบ้านใช้แพ
ขนส่งสินค้าทางการเกษตรในอดีต ปัจจุบันเป็นชุมชนกึ่งเมืองที่มีการขยายตัวของที่อยู่อาศัยอย่างต่อเนื่อง</p>
<h2>สภาพทั่วไป</h2>
<table>
<tr><th>พื้นที่</th><td>ประมาณ ๑๖.๕ ตารางกิโลเมตร</td></tr>
<tr><th>จำนวนหมู่บ้าน</th><td>๘ หมู่บ้าน</td></tr>
<tr><th>ประชากร</th><td>๑๐,๒๔๕ คน (ชาย ๔,๙๘๘ คน หญิง ๕,๒๕๗ คน) ข้อมูล ณ เดือนธันวาคม ๒๕๖๗</td></tr>
<tr><th>จำนวนครัวเรือน</th><td>๔,๑๒๐ ครัวเรือน</td></tr>
<tr><th>อาชีพหลัก</th><td>เกษตรกรรม (ยางพารา ไม้ผล) ค้าขาย รับจ้าง</td></tr>
</table>
<p class="muted">ข้อมูลในหน้านี้เป็นข้อมูลสมมติเพื่อการสาธิต</p>"""
    html("/about/", page("ประวัติและสภาพทั่วไป", body, [("/about/", "ข้อมูลพื้นฐาน")]))

    body = """<h2>วิสัยทัศน์</h2>
<p>"ท่าแพน่าอยู่ เศรษฐกิจชุมชนเข้มแข็ง สิ่งแวดล้อมดี บริหารจัดการโปร่งใส"</p>
<h2>พันธกิจ</h2>
<ol><li>พัฒนาโครงสร้างพื้นฐานและระบบสาธารณูปโภคให้ได้มาตรฐาน</li>
<li>ส่งเสริมคุณภาพชีวิต สุขภาพ และสวัสดิการสังคมของประชาชน</li>
<li>ส่งเสริมการศึกษา ศาสนา และวัฒนธรรมท้องถิ่น</li>
<li>อนุรักษ์ทรัพยากรธรรมชาติและจัดการสิ่งแวดล้อม</li>
<li>บริหารจัดการตามหลักธรรมาภิบาลและเปิดโอกาสให้ประชาชนมีส่วนร่วม</li></ol>"""
    html("/about/vision/", page("วิสัยทัศน์และพันธกิจ", body, [("/about/", "ข้อมูลพื้นฐาน")]))

    # ---- O1 structure and powers (pass)
    units = "\n".join(f"<li><strong>{n}</strong> – {d}</li>" for n, _, d in UNITS)
    body = f"""<p>ข้อมูล ณ ปีงบประมาณ พ.ศ. ๒๕๖๘ (ปรับปรุงล่าสุด ๑ ตุลาคม ๒๕๖๗)</p>
<h2>แผนภูมิโครงสร้างเทศบาลตำบลท่าแพ</h2>
<p><img src="/img/org-chart-2568.png" alt="แผนภูมิโครงสร้างการแบ่งส่วนราชการเทศบาลตำบลท่าแพ ปี ๒๕๖๘" width="480" height="300"></p>
<h3>ฝ่ายการเมือง (ฝ่ายบริหารและฝ่ายนิติบัญญัติ)</h3>
<ul>
<li>นายกเทศมนตรีตำบลท่าแพ – นายจรัญ เจียจิราพัทธนันท์</li>
<li>รองนายกเทศมนตรี จำนวน ๒ คน</li>
<li>เลขานุการนายกเทศมนตรี และที่ปรึกษานายกเทศมนตรี</li>
<li>สภาเทศบาลตำบลท่าแพ – ประธานสภาเทศบาล รองประธานสภาเทศบาล และสมาชิกสภาเทศบาล ๑๒ คน</li>
</ul>
<h3>ฝ่ายประจำ</h3>
<ul>
<li>ปลัดเทศบาล – นางภาวดี สุปรียสุนทร</li>
<li>รองปลัดเทศบาล (ตำแหน่งว่าง)</li>
{units}
</ul>
<h2 id="powers">อำนาจหน้าที่ (สรุป)</h2>
<p>เทศบาลตำบลมีอำนาจหน้าที่ตามพระราชบัญญัติเทศบาล พ.ศ. ๒๔๙๖ มาตรา ๕๐ และมาตรา ๕๑ และตามพระราชบัญญัติกำหนดแผนและขั้นตอน
การกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น พ.ศ. ๒๕๔๒ มาตรา ๑๖ โดยสรุปดังนี้</p>
<ol>
<li>รักษาความสงบเรียบร้อยของประชาชน</li>
<li>ให้มีและบำรุงทางบกและทางน้ำ รวมทั้งทางระบายน้ำ</li>
<li>รักษาความสะอาดของถนน ทางเดิน และที่สาธารณะ รวมทั้งการกำจัดมูลฝอยและสิ่งปฏิกูล</li>
<li>ป้องกันและระงับโรคติดต่อ</li>
<li>ให้มีเครื่องใช้ในการดับเพลิง และป้องกันและบรรเทาสาธารณภัย</li>
<li>ให้ราษฎรได้รับการศึกษาอบรม</li>
<li>ส่งเสริมการพัฒนาสตรี เด็ก เยาวชน ผู้สูงอายุ และผู้พิการ</li>
<li>บำรุงศิลปะ จารีตประเพณี ภูมิปัญญาท้องถิ่น และวัฒนธรรมอันดีของท้องถิ่น</li>
<li>ให้มีน้ำสะอาดหรือการประปา และให้มีโรงฆ่าสัตว์ (มาตรา ๕๑)</li>
<li>หน้าที่อื่นตามที่กฎหมายบัญญัติให้เป็นหน้าที่ของเทศบาล</li>
</ol>"""
    html("/about/structure/", page("โครงสร้างและอำนาจหน้าที่", body, [("/about/", "ข้อมูลพื้นฐาน")]))

    # ---- O2 executives (pass: name, position, colour photo, phone and e-mail; one vacant post marked)
    def card(slug, name, pos, ext, mail):
        if slug is None:
            return (f'<div class="person"><div class="vacant">ตำแหน่งว่าง</div><div><strong>ตำแหน่งว่าง</strong><br>{pos}</div></div>')
        return (f'<div class="person"><img src="/img/exec/{slug}.png" alt="{name}" width="90" height="112">'
                f'<div><strong>{name}</strong><br>{pos}<br>โทร {PHONE} ต่อ {ext}<br>'
                f'อีเมล <a href="mailto:{mail}">{mail}</a></div></div>')
    body = f"""<p>คณะผู้บริหารเทศบาลตำบลท่าแพ ปีงบประมาณ พ.ศ. ๒๕๖๘ (ข้อมูล ณ วันที่ ๑ พฤศจิกายน ๒๕๖๗)</p>
<h2>ฝ่ายบริหาร (ฝ่ายการเมือง)</h2>
<div class="cards">
{chr(10).join(card(*p) for p in POLITICAL)}
</div>
<h2>ฝ่ายประจำ (ผู้บริหารส่วนราชการ)</h2>
<div class="cards">
{chr(10).join(card(*p) for p in PERMANENT)}
</div>"""
    html("/about/executives/", page("คณะผู้บริหาร", body, [("/about/", "ข้อมูลพื้นฐาน")]))

    rows = "\n".join(f"<tr><td>{th(i)}</td><td>{n}</td><td>{p}</td></tr>" for i, (n, p) in enumerate(COUNCIL, 1))
    body = f"""<p>สมาชิกสภาเทศบาลตำบลท่าแพ (ชุดปัจจุบัน)</p>
<table><tr><th>ลำดับ</th><th>ชื่อ – สกุล</th><th>ตำแหน่ง</th></tr>
{rows}
</table>
<p>สมัยประชุมสามัญประจำปี ๒๕๖๘: สมัยที่ ๑ เดือนกุมภาพันธ์ สมัยที่ ๒ เดือนพฤษภาคม สมัยที่ ๓ เดือนสิงหาคม สมัยที่ ๔ เดือนธันวาคม</p>"""
    html("/about/council/", page("สภาเทศบาลตำบลท่าแพ", body, [("/about/", "ข้อมูลพื้นฐาน")]))

    rows = "\n".join(f"<tr><td>{n}</td><td>{d}</td><td>{PHONE} ต่อ {e}</td></tr>" for n, e, d in UNITS)
    body = f"""<table><tr><th>ส่วนราชการ</th><th>ภารกิจ</th><th>โทรศัพท์</th></tr>
{rows}
</table>
<p>คู่มือการปฏิบัติงานของแต่ละส่วนราชการ: <a href="/old/manual_staff.htm">คู่มือการปฏิบัติงานของเจ้าหน้าที่</a></p>"""
    html("/about/units/", page("ส่วนราชการ", body, [("/about/", "ข้อมูลพื้นฐาน")]))

    # ---- sitemap-only page (linked from nowhere; listed in sitemap.xml)
    body = """<p>ภาพบรรยากาศตำบลท่าแพในอดีต รวบรวมโดยงานประชาสัมพันธ์ จากผู้สูงอายุในชุมชน</p>
<div class="gallery">
<img src="/img/activity/old-1.png" alt="ท่าน้ำคลองท่าแพ" width="200" height="130">
<img src="/img/activity/old-2.png" alt="ตลาดนัดชุมชน" width="200" height="130">
<img src="/img/activity/old-3.png" alt="งานบุญประจำปีของชุมชน" width="200" height="130">
</div>
<p>หากท่านมีภาพเก่าของชุมชนและยินดีแบ่งปัน กรุณาติดต่องานประชาสัมพันธ์ สำนักปลัดเทศบาล</p>"""
    html("/about/old-photos/", page("ภาพเก่าเล่าเรื่องท่าแพ", body, [("/about/", "ข้อมูลพื้นฐาน")]))


def contact():
    # ---- O3 contact (incomplete: address, phone, e-mail and map, but no two-way Q&A channel)
    rows = "\n".join(f"<tr><td>{n}</td><td>{PHONE} ต่อ {e}</td></tr>" for n, e, _ in UNITS)
    body = f"""<h2>ที่อยู่</h2>
<p>{SITE}<br>{ADDRESS}</p>
<h2>หมายเลขโทรศัพท์</h2>
<p>โทรศัพท์ {PHONE} &nbsp; โทรสาร {FAX}</p>
<table><tr><th>ส่วนราชการ</th><th>โทรศัพท์</th></tr>
{rows}
</table>
<h2>ไปรษณีย์อิเล็กทรอนิกส์</h2>
<p>อีเมลสารบรรณ: <a href="mailto:{EMAIL}">{EMAIL}</a></p>
<h2>เวลาทำการ</h2>
<p>วันจันทร์ – วันศุกร์ เวลา ๐๘.๓๐ – ๑๖.๓๐ น. (เว้นวันหยุดราชการ)</p>
<h2>แผนที่</h2>
<iframe title="แผนที่ตั้งเทศบาลตำบลท่าแพ" width="600" height="340" style="border:0" loading="lazy"
 src="https://www.google.com/maps/embed?pb=!1m18!1m12!1m3!1d3945.0!2d99.95!3d8.43!2m3!1f0!2f0!3f0!3m2!1i1024!2i768!4f13.1!3m3!1m2!1s0x0%3A0x0!2zVGhhIFBoYWU!5e0!3m2!1sth!2sth!4v1700000000000"></iframe>"""
    html("/contact/", page("ข้อมูลการติดต่อ", body, [("/about/", "ข้อมูลพื้นฐาน")]))


def plans():
    body = """<ul>
<li><a href="/plan/development/">แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ – ๒๕๗๐)</a></li>
<li><a href="/plan/annual-2568/">แผนการดำเนินงานและความก้าวหน้าการใช้งบประมาณ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</a></li>
<li><a href="/plan/report/">รายงานผลการดำเนินงานประจำปี</a></li>
</ul>"""
    html("/plan/", page("แผนงาน", body))

    # ---- O5 development plan (pass: 2566-2570 covers 2568)
    p1 = "/files/plan/แผนพัฒนาท้องถิ่น-66-70.pdf"
    p2 = "/files/plan/แผนพัฒนาท้องถิ่น-เพิ่มเติม-1-68.pdf"
    body = f"""<p>แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ – ๒๕๗๐) ของเทศบาลตำบลท่าแพ เป็นแผนพัฒนาระยะ ๕ ปี ที่ใช้เป็นกรอบในการจัดทำ
งบประมาณรายจ่ายประจำปี รวมถึงปีงบประมาณ พ.ศ. ๒๕๖๘</p>
<h2>ยุทธศาสตร์การพัฒนา</h2>
<ol><li>ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน</li><li>ยุทธศาสตร์การพัฒนาคุณภาพชีวิต</li>
<li>ยุทธศาสตร์การพัฒนาด้านการศึกษา ศาสนา และวัฒนธรรม</li><li>ยุทธศาสตร์การพัฒนาด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม</li>
<li>ยุทธศาสตร์การพัฒนาด้านการบริหารจัดการบ้านเมืองที่ดี</li></ol>
<h2>เอกสาร</h2>
<ul>
<li><a href="{u(p1)}">แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ – ๒๕๗๐)</a> (PDF)</li>
<li><a href="{u(p2)}">แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ – ๒๕๗๐) เพิ่มเติม ครั้งที่ ๑/๒๕๖๘</a> (PDF)</li>
</ul>"""
    html("/plan/development/", page("แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ – ๒๕๗๐)", body, [("/plan/", "แผนงาน")]))

    # ---- O6 annual plan and 6-month progress (pass)
    body = f"""<p>แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ (๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘) ประกาศใช้เมื่อวันที่ ๓๐ ตุลาคม ๒๕๖๗</p>
<h2>แผนการดำเนินงานและงบประมาณ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</h2>
<table>
<tr><th>ยุทธศาสตร์</th><th>จำนวนโครงการ</th><th>งบประมาณ (บาท)</th></tr>
<tr><td>๑. ด้านโครงสร้างพื้นฐาน</td><td class="num">๒๑</td><td class="num">๑๘,๔๒๐,๐๐๐</td></tr>
<tr><td>๒. ด้านคุณภาพชีวิต</td><td class="num">๑๔</td><td class="num">๑๑,๒๖๐,๐๐๐</td></tr>
<tr><td>๓. ด้านการศึกษา ศาสนา และวัฒนธรรม</td><td class="num">๑๒</td><td class="num">๗,๙๓๐,๐๐๐</td></tr>
<tr><td>๔. ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม</td><td class="num">๗</td><td class="num">๒,๕๔๐,๐๐๐</td></tr>
<tr><td>๕. ด้านการบริหารจัดการบ้านเมืองที่ดี</td><td class="num">๘</td><td class="num">๑,๗๐๐,๐๐๐</td></tr>
<tr><th>รวม</th><th class="num">๖๒</th><th class="num">๔๑,๘๕๐,๐๐๐</th></tr>
</table>
<h2>รายงานความก้าวหน้าการดำเนินงานและการใช้จ่ายงบประมาณ รอบ ๖ เดือน (ตุลาคม ๒๕๖๗ – มีนาคม ๒๕๖๘)</h2>
<table>
<tr><th>ยุทธศาสตร์</th><th>โครงการที่ดำเนินการ</th><th>แล้วเสร็จ</th><th>เบิกจ่าย (บาท)</th><th>ร้อยละของงบประมาณ</th></tr>
<tr><td>๑. ด้านโครงสร้างพื้นฐาน</td><td class="num">๑๑</td><td class="num">๕</td><td class="num">๗,๘๘๐,๒๐๐</td><td class="num">๔๒.๘</td></tr>
<tr><td>๒. ด้านคุณภาพชีวิต</td><td class="num">๘</td><td class="num">๖</td><td class="num">๕,๙๑๒,๓๐๐</td><td class="num">๕๒.๕</td></tr>
<tr><td>๓. ด้านการศึกษา ศาสนา และวัฒนธรรม</td><td class="num">๘</td><td class="num">๔</td><td class="num">๓,๑๐๔,๕๐๐</td><td class="num">๓๙.๑</td></tr>
<tr><td>๔. ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม</td><td class="num">๓</td><td class="num">๒</td><td class="num">๖๕๕,๔๐๐</td><td class="num">๒๕.๘</td></tr>
<tr><td>๕. ด้านการบริหารจัดการบ้านเมืองที่ดี</td><td class="num">๔</td><td class="num">๒</td><td class="num">๓๘๔,๐๐๐</td><td class="num">๒๒.๖</td></tr>
<tr><th>รวม</th><th class="num">๓๔</th><th class="num">๑๙</th><th class="num">๑๗,๙๓๖,๔๐๐</th><th class="num">๔๒.๙</th></tr>
</table>
<p>ปัญหาและอุปสรรค: ฝนตกต่อเนื่องในเดือนพฤศจิกายน – ธันวาคม ๒๕๖๗ ทำให้โครงการก่อสร้างถนนหมู่ที่ ๒ และหมู่ที่ ๕ ล่าช้า</p>
<h2>เอกสาร</h2>
<ul>
<li><a href="{u('/files/plan/แผนดำเนินงาน-2568.pdf')}">แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</a> (PDF)</li>
<li><a href="/files/plan/progress-6m-2568.pdf">รายงานความก้าวหน้าการดำเนินงานและการใช้จ่ายงบประมาณ รอบ ๖ เดือน ปีงบประมาณ พ.ศ. ๒๕๖๘</a> (PDF)</li>
</ul>"""
    html("/plan/annual-2568/", page("แผนการดำเนินงานและการใช้งบประมาณประจำปี พ.ศ. ๒๕๖๘", body, [("/plan/", "แผนงาน")]))

    # ---- O7 annual report: only FY 2566 and 2565 published (stale: FY 2567 required)
    body = """<p>รายงานผลการดำเนินงานประจำปีของเทศบาลตำบลท่าแพ</p>
<table>
<tr><th>ปีงบประมาณ</th><th>เอกสาร</th></tr>
<tr><td>พ.ศ. ๒๕๖๖</td><td><a href="/files/plan/รายงานผล-66.pdf">รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๖</a></td></tr>
<tr><td>พ.ศ. ๒๕๖๕</td><td><a href="/files/plan/รายงานผล-65.pdf">รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๕</a></td></tr>
</table>"""
    html("/plan/report/", page("รายงานผลการดำเนินงานประจำปี", body, [("/plan/", "แผนงาน")]))


def legacy_manual_page():
    """O8 staff manuals, on an old page encoded in windows-874 with a tis-620 meta tag."""
    rows = [
        ("คู่มือการปฏิบัติงานด้านงานสารบรรณ", "สำนักปลัดเทศบาล", "office"),
        ("คู่มือการปฏิบัติงานการรับชำระภาษีและการเบิกจ่ายเงิน", "กองคลัง", "finance"),
        ("คู่มือการปฏิบัติงานการพิจารณาอนุญาตก่อสร้างอาคาร", "กองช่าง", "engineering"),
        ("คู่มือการปฏิบัติงานการเก็บขนและกำจัดมูลฝอย", "กองสาธารณสุขฯ", "health"),
        ("คู่มือการปฏิบัติงานการผลิตและจ่ายน้ำประปา", "กองการประปา", "water"),
        ("คู่มือการปฏิบัติงานศูนย์พัฒนาเด็กเล็ก", "กองการศึกษา", "education"),
        ("คู่มือการปฏิบัติงานการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ (สำหรับเจ้าหน้าที่)", "สำนักปลัดเทศบาล", "complaint"),
    ]
    trs = "\n".join(
        f'<TR><TD align="center">{th(i)}</TD><TD>{t}</TD><TD>{unit}</TD>'
        f'<TD align="center"><A HREF="../files/manual/manual-{s}.pdf">ดาวน์โหลด</A></TD></TR>'
        for i, (t, unit, s) in enumerate(rows, 1))
    text = f"""<HTML>
<HEAD>
<meta http-equiv="Content-Type" content="text/html; charset=tis-620">
<TITLE>คู่มือการปฏิบัติงานของเจ้าหน้าที่ - เทศบาลตำบลท่าแพ</TITLE>
</HEAD>
<BODY BGCOLOR="#FFFFFF" TOPMARGIN="0" LEFTMARGIN="0">
<TABLE WIDTH="780" BORDER="0" CELLPADDING="0" CELLSPACING="0" ALIGN="center">
<TR><TD BGCOLOR="#1E3C78" HEIGHT="60"><FONT FACE="Tahoma" SIZE="4" COLOR="#FFFFFF"><B>&nbsp;เทศบาลตำบลท่าแพ</B></FONT></TD></TR>
<TR><TD BGCOLOR="#D4A82F"><FONT FACE="Tahoma" SIZE="2">&nbsp;<A HREF="../index.html">หน้าแรก</A> | <A HREF="/about/units/">ส่วนราชการ</A> | <A HREF="/ita/2568/">ITA</A></FONT></TD></TR>
<TR><TD>
<FONT FACE="Tahoma" SIZE="2">
<H2>คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่</H2>
<P>เทศบาลตำบลท่าแพได้จัดทำคู่มือการปฏิบัติงานของเจ้าหน้าที่ทุกส่วนราชการ เพื่อเป็นมาตรฐานและแนวทางในการปฏิบัติงาน
ให้การให้บริการประชาชนเป็นไปด้วยความถูกต้อง รวดเร็ว และเป็นมาตรฐานเดียวกัน
คู่มือฉบับปรับปรุงนี้ใช้บังคับตั้งแต่วันที่ ๑ ตุลาคม ๒๕๖๗ เป็นต้นไป จนกว่าจะมีการแก้ไข</P>
<P>คู่มือแต่ละเล่มประกอบด้วย วัตถุประสงค์ ขอบเขตงาน ขั้นตอนการปฏิบัติงาน ผู้รับผิดชอบ ระยะเวลา แบบฟอร์มที่ใช้ และกฎหมายที่เกี่ยวข้อง</P>
<TABLE BORDER="1" CELLPADDING="4" CELLSPACING="0" WIDTH="100%">
<TR BGCOLOR="#E7EDF7"><TH>ลำดับ</TH><TH>ชื่อคู่มือ</TH><TH>ส่วนราชการ</TH><TH>ไฟล์</TH></TR>
{trs}
</TABLE>
<P>ตัวอย่างขั้นตอน (งานสารบรรณ): ๑. รับหนังสือและลงทะเบียนรับ ภายใน ๑ ชั่วโมง ๒. เสนอผู้บังคับบัญชาพิจารณา ภายในวันเดียวกัน
๓. ส่งเรื่องให้ส่วนราชการที่รับผิดชอบ ๔. ติดตามและจัดเก็บเอกสาร</P>
<P>ปรับปรุงข้อมูลเมื่อ ๑ ตุลาคม ๒๕๖๗ โดย งานธุรการ สำนักปลัดเทศบาล</P>
</FONT>
</TD></TR>
<TR><TD BGCOLOR="#16305F"><FONT FACE="Tahoma" SIZE="1" COLOR="#FFFFFF">&nbsp;เทศบาลตำบลท่าแพ โทร {PHONE} (เว็บไซต์สาธิต ข้อมูลสมมติ)</FONT></TD></TR>
</TABLE>
</BODY>
</HTML>
"""
    data = text.encode("cp874")  # raises if anything outside TIS-620/ASCII slipped in
    assert all(b < 0x80 or b >= 0xA1 for b in data), "keep to strict TIS-620 bytes"
    write("old/manual_staff.htm", data)


SERVICES = [
    ("การขออนุญาตก่อสร้าง ดัดแปลง หรือรื้อถอนอาคาร", "กองช่าง",
     ["ยื่นคำขอ (แบบ ข.๑) พร้อมเอกสาร (๑ วัน)", "เจ้าหน้าที่ตรวจสอบเอกสารและแบบแปลน (๗ วัน)",
      "ตรวจสถานที่ก่อสร้าง (๗ วัน)", "พิจารณาออกใบอนุญาต (๑๕ วัน)"], "๓๐ วัน",
     "ยื่นด้วยตนเองที่กองช่าง สำนักงานเทศบาลตำบลท่าแพ ในวันและเวลาราชการ",
     "ค่าธรรมเนียมใบอนุญาตก่อสร้าง ฉบับละ ๒๐ บาท และค่าธรรมเนียมตรวจแบบแปลน อาคารสูงไม่เกินสองชั้น ตารางเมตรละ ๐.๕๐ บาท ตามกฎกระทรวง",
     "สำเนาบัตรประจำตัวประชาชน สำเนาทะเบียนบ้าน สำเนาโฉนดที่ดิน แบบแปลนแผนผัง ๕ ชุด หนังสือยินยอมของเจ้าของที่ดิน (กรณีไม่ใช่เจ้าของ)"),
    ("การชำระภาษีที่ดินและสิ่งปลูกสร้าง", "กองคลัง",
     ["ยื่นแบบแจ้งการประเมินภาษี (ภ.ด.ส.๖) ที่ได้รับ", "เจ้าหน้าที่ตรวจสอบและคำนวณภาษี", "ชำระเงินและรับใบเสร็จ"], "๑๕ นาที",
     "ชำระที่กองคลัง หรือโอนผ่านบัญชีธนาคารของเทศบาลตามที่ระบุในแบบแจ้ง",
     "ไม่มีค่าธรรมเนียม (ชำระเฉพาะค่าภาษีตามแบบแจ้งการประเมิน)",
     "แบบแจ้งการประเมินภาษี (ภ.ด.ส.๖) บัตรประจำตัวประชาชน"),
    ("การขอติดตั้งมาตรวัดน้ำประปา", "กองการประปา",
     ["ยื่นคำร้องขอใช้น้ำประปา", "เจ้าหน้าที่สำรวจจุดติดตั้งและประเมินค่าใช้จ่าย (๓ วัน)", "ชำระค่าธรรมเนียม", "ติดตั้งมาตรวัดน้ำ (๓ วัน)"], "๗ วันทำการ",
     "ยื่นด้วยตนเองที่กองการประปา",
     "ค่าธรรมเนียมขอใช้น้ำ ๕๐ บาท ค่าประกันมาตรวัดน้ำ ขนาด ½ นิ้ว ๓๐๐ บาท ค่าติดตั้งตามระยะทางจริง (เมตรละ ๔๐ บาท)",
     "สำเนาบัตรประจำตัวประชาชน สำเนาทะเบียนบ้าน แผนที่ตั้งบ้านโดยสังเขป"),
    ("การลงทะเบียนและยื่นคำขอรับเงินเบี้ยยังชีพผู้สูงอายุ", "สำนักปลัดเทศบาล (งานสวัสดิการและพัฒนาชุมชน)",
     ["ยื่นคำขอลงทะเบียนด้วยตนเองหรือมอบอำนาจ", "เจ้าหน้าที่ตรวจสอบคุณสมบัติ", "ประกาศรายชื่อผู้มีสิทธิ"], "๓๐ นาที",
     "ยื่นที่สำนักปลัดเทศบาล ระหว่างเดือนตุลาคม – พฤศจิกายน ของทุกปี",
     "ไม่มีค่าธรรมเนียม",
     "บัตรประจำตัวประชาชน ทะเบียนบ้าน สมุดบัญชีเงินฝากธนาคาร (หน้าแรก)"),
    ("การขออนุญาตจัดตั้งสถานที่จำหน่ายอาหารและสถานที่สะสมอาหาร", "กองสาธารณสุขและสิ่งแวดล้อม",
     ["ยื่นคำขอพร้อมเอกสาร", "เจ้าหน้าที่ตรวจสถานที่ตามหลักสุขาภิบาลอาหาร (๗ วัน)", "พิจารณาออกใบอนุญาต/หนังสือรับรองการแจ้ง (๒๐ วัน)"], "๓๐ วัน",
     "ยื่นด้วยตนเองที่กองสาธารณสุขฯ",
     "พื้นที่ไม่เกิน ๒๐๐ ตารางเมตร ปีละ ๑๐๐ บาท พื้นที่เกิน ๒๐๐ ตารางเมตร ปีละ ๕๐๐ บาท ตามเทศบัญญัติเทศบาลตำบลท่าแพ",
     "สำเนาบัตรประจำตัวประชาชน สำเนาทะเบียนบ้าน ใบรับรองแพทย์ของผู้สัมผัสอาหาร แผนที่ตั้งสถานประกอบการ"),
    ("การขอข้อมูลข่าวสารของราชการ", "สำนักปลัดเทศบาล (ศูนย์ข้อมูลข่าวสาร)",
     ["ยื่นคำขอข้อมูลข่าวสาร", "เจ้าหน้าที่ค้นหาและจัดเตรียมข้อมูล", "รับข้อมูลหรือสำเนาเอกสาร"], "๑๕ วัน",
     "ยื่นด้วยตนเอง ทางไปรษณีย์ หรือทางอีเมล " + EMAIL,
     "ไม่มีค่าธรรมเนียม (ค่าถ่ายสำเนาเอกสาร หน้าละ ๑ บาท)",
     "ไม่ต้องใช้เอกสาร (แจ้งชื่อ ที่อยู่ และรายการข้อมูลที่ต้องการ)"),
]


def services():
    body = f"""<ul>
<li><a href="/services/guide/">คู่มือสำหรับประชาชน (คู่มือการขอรับบริการ)</a></li>
<li><a href="/services/statistics/">ข้อมูลสถิติการให้บริการ</a></li>
<li><a href="{ESERVICE}">ระบบ E-Service ยื่นคำร้องออนไลน์</a></li>
<li><a href="/downloads/">ดาวน์โหลดแบบฟอร์ม</a></li>
</ul>"""
    html("/services/", page("บริการประชาชน", body))

    # ---- O9 service guide (pass: per service steps, time, channel, fee, documents)
    blocks = []
    for i, (name, unit, steps, time, channel, fee, docs) in enumerate(SERVICES, 1):
        st = "".join(f"<li>{s}</li>" for s in steps)
        blocks.append(f"""<h2>{th(i)}. {name}</h2>
<table>
<tr><th style="width:22%">หน่วยงานที่ให้บริการ</th><td>{unit}</td></tr>
<tr><th>ขั้นตอนการให้บริการ</th><td><ol>{st}</ol></td></tr>
<tr><th>ระยะเวลาดำเนินการ</th><td>{time}</td></tr>
<tr><th>ช่องทางการให้บริการ</th><td>{channel}</td></tr>
<tr><th>ค่าธรรมเนียม</th><td>{fee}</td></tr>
<tr><th>เอกสารหลักฐานที่ต้องใช้</th><td>{docs}</td></tr>
</table>""")
    body = ("<p>คู่มือสำหรับประชาชนตามพระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. ๒๕๕๘ "
            "ใช้บังคับปัจจุบัน (ปรับปรุงล่าสุด ๑ ตุลาคม ๒๕๖๗)</p>\n" + "\n".join(blocks))
    html("/services/guide/", page("คู่มือสำหรับประชาชน (คู่มือการขอรับบริการ)", body, [("/services/", "บริการประชาชน")]))

    # ---- O11 statistics (pass: FY 2568, monthly, Oct 2567 - Mar 2568 and beyond)
    months = [(10, 67), (11, 67), (12, 67), (1, 68), (2, 68), (3, 68), (4, 68)]
    data = [
        ("การขออนุญาตก่อสร้างอาคาร", [4, 3, 2, 5, 6, 4, 3]),
        ("การชำระภาษีที่ดินและสิ่งปลูกสร้าง", [12, 9, 15, 48, 186, 402, 355]),
        ("การขอติดตั้งมาตรวัดน้ำประปา", [7, 5, 6, 8, 4, 9, 6]),
        ("การลงทะเบียนเบี้ยยังชีพผู้สูงอายุ", [41, 37, 0, 0, 0, 0, 0]),
        ("การขออนุญาตสถานที่จำหน่ายอาหาร", [2, 1, 3, 6, 2, 1, 2]),
        ("การขอข้อมูลข่าวสาร", [1, 0, 2, 1, 0, 1, 1]),
    ]
    head = "".join(f"<th>{MONTHS_SHORT[m]} {th(y)}</th>" for m, y in months)
    rows = "\n".join(f"<tr><td>{n}</td>" + "".join(f'<td class="num">{th(v)}</td>' for v in vals)
                     + f'<td class="num">{th(sum(vals))}</td></tr>' for n, vals in data)
    totals = [sum(d[1][i] for d in data) for i in range(len(months))]
    body = f"""<p>สถิติจำนวนผู้รับบริการ จำแนกตามงานบริการ รายเดือน ตั้งแต่ตุลาคม ๒๕๖๗ ถึงเมษายน ๒๕๖๘ (ข้อมูล ณ วันที่ ๓๐ เมษายน ๒๕๖๘)</p>
<table>
<tr><th>งานบริการ</th>{head}<th>รวม</th></tr>
{rows}
<tr><th>รวมทั้งสิ้น</th>{"".join(f'<th class="num">{th(t)}</th>' for t in totals)}<th class="num">{th(sum(totals))}</th></tr>
</table>
<p>หน่วย: ราย</p>"""
    html("/services/statistics/", page("ข้อมูลสถิติการให้บริการ ประจำปีงบประมาณ พ.ศ.. 2568", body, [("/services/", "บริการประชาชน")]))

    body = """<table><tr><th>แบบฟอร์ม</th><th>ส่วนราชการ</th><th>ไฟล์</th></tr>
<tr><td>แบบคำร้องทั่วไป</td><td>สำนักปลัดเทศบาล</td><td><a href="/files/downloads/general-petition-form.pdf">PDF</a></td></tr>
<tr><td>แบบคำขออนุญาตก่อสร้างอาคาร (แบบ ข.๑)</td><td>กองช่าง</td><td><a href="/files/downloads/building-permit-form.pdf">PDF</a></td></tr>
<tr><td>แบบคำขอลงทะเบียนรับเงินเบี้ยยังชีพผู้สูงอายุ</td><td>สำนักปลัดเทศบาล</td><td><a href="/files/downloads/elderly-allowance-form.pdf">PDF</a></td></tr>
</table>"""
    html("/downloads/", page("ดาวน์โหลดแบบฟอร์ม", body, [("/services/", "บริการประชาชน")]))


PROCUREMENTS = [
    ("จ้างเหมาบริการเก็บขนขยะมูลฝอย ประจำปีงบประมาณ ๒๕๖๘", "๑,๒๐๐,๐๐๐", "เฉพาะเจาะจง", "หจก. สะอาดท่าแพบริการ", "๑,๑๘๘,๐๐๐", "ลงนามสัญญาแล้ว อยู่ระหว่างดำเนินการตามสัญญา", "67109004521"),
    ("จัดซื้อวัสดุสำนักงาน สำนักปลัดเทศบาล", "๘๕,๐๐๐", "เฉพาะเจาะจง", "ร้านนครเครื่องเขียน", "๘๔,๒๕๐", "ตรวจรับแล้วเสร็จ", "67119011873"),
    ("จัดซื้ออาหารเสริม (นม) โรงเรียนและศูนย์พัฒนาเด็กเล็ก ภาคเรียนที่ ๒/๒๕๖๗", "๖๘๔,๓๒๐", "เฉพาะเจาะจง", "สหกรณ์โคนมนครศรีธรรมราช จำกัด", "๖๘๔,๓๒๐", "อยู่ระหว่างส่งมอบตามสัญญา", "67119015204"),
    ("จัดซื้อท่อ PVC และอุปกรณ์ประปา กองการประปา", "๓๒๐,๐๐๐", "เฉพาะเจาะจง", "บจก. ท่อไทยซัพพลาย", "๓๑๘,๕๐๐", "ตรวจรับแล้วเสร็จ", "67129009347"),
    ("จ้างซ่อมแซมรถบรรทุกขยะ หมายเลขทะเบียน ๘๑-๓๓๔๕ นศ", "๙๖,๐๐๐", "เฉพาะเจาะจง", "อู่ช่างเอกการช่าง", "๙๕,๘๐๐", "ตรวจรับแล้วเสร็จ", "68019003318"),
    ("ก่อสร้างถนน คสล. สายบ้านนายพริ้ง หมู่ที่ ๒", "๒,๔๕๐,๐๐๐", "ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)", "หจก. นครก่อสร้าง", "๒,๒๙๐,๐๐๐", "ลงนามสัญญาแล้ว อยู่ระหว่างก่อสร้าง (ร้อยละ ๓๕)", "68019087765"),
    ("ก่อสร้างรางระบายน้ำ คสล. หมู่ที่ ๕ (ซอยบ้านนายเขียว)", "๑,๓๘๐,๐๐๐", "ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)", "บจก. ท่าแพวิศวกรรม", "๑,๒๕๕,๐๐๐", "ลงนามสัญญาแล้ว อยู่ระหว่างก่อสร้าง (ร้อยละ ๖๐)", "68029011420"),
    ("จัดซื้อครุภัณฑ์คอมพิวเตอร์ กองคลัง จำนวน ๓ เครื่อง", "๗๒,๐๐๐", "เฉพาะเจาะจง", "ร้านไอทีนคร", "๗๑,๗๐๐", "ตรวจรับแล้วเสร็จ", "68029016032"),
    ("ปรับปรุงอาคารศูนย์พัฒนาเด็กเล็กเทศบาลตำบลท่าแพ", "๔๙๐,๐๐๐", "คัดเลือก", "–", "–", "อยู่ระหว่างประกาศเชิญชวน", "68039020417"),
]


def egp(pid):
    return ("https://process.gprocurement.go.th/egp2procmainWeb/jsp/procsearch.sch?"
            f"pid={pid}&amp;servlet=gojsp&amp;proc_id=ShowHTMLFile&amp;processFlows=Procure")


def procurement():
    body = """<ul>
<li><a href="/procurement/2568/">รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้า ปีงบประมาณ พ.ศ. ๒๕๖๘</a></li>
<li><a href="/procurement/announcements/">ประกาศจัดซื้อจัดจ้าง</a></li>
<li>รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี: <a href="/files/doc/DOC00213.pdf">ดาวน์โหลดเอกสาร</a></li>
</ul>"""
    html("/procurement/", page("จัดซื้อจัดจ้าง", body))

    # ---- O12 procurement list FY 2568 with progress (pass)
    rows = "\n".join(
        f"<tr><td>{th(i)}</td><td>{n}</td><td class=\"num\">{b}</td><td>{m}</td><td>{w}</td><td class=\"num\">{p}</td>"
        f"<td>{s}</td><td><a href=\"{egp(pid)}\">{pid}</a></td></tr>"
        for i, (n, b, m, w, p, s, pid) in enumerate(PROCUREMENTS, 1))
    monthly = [("ตุลาคม ๒๕๖๗", "ตค67"), ("พฤศจิกายน ๒๕๖๗", "พย67"), ("ธันวาคม ๒๕๖๗", "ธค67"),
               ("มกราคม ๒๕๖๘", "มค68"), ("กุมภาพันธ์ ๒๕๖๘", "กพ68"), ("มีนาคม ๒๕๖๘", "มีค68")]
    mlinks = "\n".join(f'<li><a href="{u("/files/procurement/สขร1-" + f + ".pdf")}">สรุปผลการจัดซื้อจัดจ้าง (แบบ สขร.๑) เดือน{t}</a></li>'
                       for t, f in monthly)
    body = f"""<p>รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้า ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ (ข้อมูล ณ วันที่ ๓๑ มีนาคม ๒๕๖๘)</p>
<table>
<tr><th>ลำดับ</th><th>งานที่จัดซื้อจัดจ้าง</th><th>วงเงินงบประมาณ (บาท)</th><th>วิธีการจัดซื้อจัดจ้าง</th><th>ผู้ได้รับการคัดเลือก</th><th>ราคาที่ตกลง (บาท)</th><th>สถานะ / ความก้าวหน้า</th><th>เลขที่โครงการ e-GP</th></tr>
{rows}
</table>
<h2>แผนการจัดซื้อจัดจ้าง</h2>
<p><a href="/files/procurement/procurement-plan-2568.pdf">แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</a> (PDF)</p>
<h2>สรุปผลการจัดซื้อจัดจ้างรายเดือน</h2>
<ul>
{mlinks}
</ul>
<p>ตรวจสอบข้อมูลการจัดซื้อจัดจ้างได้ที่ <a href="https://process.gprocurement.go.th/egp2procmainWeb/jsp/procsearch.sch?servlet=gojsp&amp;proc_id=ShowHTMLFile&amp;processFlows=Procure">ระบบการจัดซื้อจัดจ้างภาครัฐ (e-GP)</a></p>"""
    html("/procurement/2568/", page("รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ ปีงบประมาณ พ.ศ. ๒๕๖๘", body, [("/procurement/", "จัดซื้อจัดจ้าง")]))

    body = f"""<table>
<tr><th>วันที่</th><th>ประกาศ</th></tr>
<tr><td>๒๘ ก.พ. ๒๕๖๘</td><td><a href="{egp('68029011420')}">ประกาศผู้ชนะการเสนอราคา โครงการก่อสร้างรางระบายน้ำ คสล. หมู่ที่ ๕</a></td></tr>
<tr><td>๑๔ ม.ค. ๒๕๖๘</td><td><a href="{egp('68019087765')}">ประกาศเชิญชวน ประกวดราคาจ้างก่อสร้างถนน คสล. สายบ้านนายพริ้ง หมู่ที่ ๒ ด้วยวิธี e-bidding</a></td></tr>
<tr><td>๑๕ พ.ย. ๒๕๖๗</td><td><a href="/files/procurement/procurement-plan-2568.pdf">ประกาศแผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</a></td></tr>
</table>"""
    html("/procurement/announcements/", page("ประกาศจัดซื้อจัดจ้าง", body, [("/procurement/", "จัดซื้อจัดจ้าง")]))


def integrity_pages():
    # ---- O16 ethics (pass: code + FY 2568 activities)
    body = """<h2>ประมวลจริยธรรมพนักงานเทศบาลตำบลท่าแพ</h2>
<p>ประกาศตามพระราชบัญญัติมาตรฐานทางจริยธรรม พ.ศ. ๒๕๖๒ ใช้บังคับกับผู้บริหาร สมาชิกสภาเทศบาล พนักงานเทศบาล ลูกจ้างประจำ และพนักงานจ้าง</p>
<ol><li>ยึดมั่นในสถาบันหลักของประเทศ</li><li>ซื่อสัตย์สุจริต มีจิตสำนึกที่ดี และรับผิดชอบต่อหน้าที่</li>
<li>กล้าตัดสินใจและกระทำในสิ่งที่ถูกต้องชอบธรรม</li><li>คิดถึงประโยชน์ส่วนรวมมากกว่าประโยชน์ส่วนตัว และมีจิตสาธารณะ</li>
<li>มุ่งผลสัมฤทธิ์ของงาน</li><li>ปฏิบัติหน้าที่อย่างเป็นธรรมและไม่เลือกปฏิบัติ</li><li>ดำรงตนเป็นแบบอย่างที่ดีและรักษาภาพลักษณ์ของทางราชการ</li></ol>
<p><a href="/files/ethics/code-of-ethics.pdf">ดาวน์โหลดประมวลจริยธรรม (PDF)</a></p>
<h2>การขับเคลื่อนจริยธรรม ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</h2>
<table>
<tr><th>วันที่</th><th>กิจกรรม</th><th>ผู้เข้าร่วม</th></tr>
<tr><td>๗ พฤศจิกายน ๒๕๖๗</td><td>ประชุมชี้แจงประมวลจริยธรรมและแนวทางปฏิบัติ No Gift Policy แก่พนักงานทุกส่วนราชการ</td><td>๑๐๒ คน</td></tr>
<tr><td>๕ ธันวาคม ๒๕๖๗</td><td>กิจกรรมจิตอาสาพัฒนา เนื่องในวันพ่อแห่งชาติ</td><td>๖๔ คน</td></tr>
<tr><td>๒๐ กุมภาพันธ์ ๒๕๖๘</td><td><a href="/news/2568/ethics-training/">โครงการอบรมส่งเสริมคุณธรรมจริยธรรมสำหรับบุคลากร ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</a></td><td>๙๖ คน</td></tr>
</table>
<div class="gallery">
<img src="/img/activity/ethics-1.png" alt="การอบรมคุณธรรมจริยธรรม ๒๐ ก.พ. ๒๕๖๘" width="200" height="130">
<img src="/img/activity/ethics-2.png" alt="การอบรมคุณธรรมจริยธรรม ๒๐ ก.พ. ๒๕๖๘" width="200" height="130">
</div>"""
    html("/ethics/", page("ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม", body, [("/ita/", "ITA")]))

    # ---- O18 complaint channel with online form (pass)
    body = """<p>ผู้ที่พบเห็นการทุจริตหรือการประพฤติมิชอบของเจ้าหน้าที่เทศบาลตำบลท่าแพ สามารถแจ้งเรื่องร้องเรียนผ่านแบบฟอร์มออนไลน์ด้านล่าง
ข้อมูลของผู้ร้องเรียนจะถูกเก็บเป็นความลับ ตาม<a href="/complaint/guideline/">แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</a></p>
<h2>แบบฟอร์มแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ (ออนไลน์)</h2>
<form class="complaint" action="/complaint/send" method="post">
<label for="name">ชื่อ – สกุล ผู้ร้องเรียน (ไม่ระบุก็ได้)</label><input type="text" id="name" name="name">
<label for="phone">หมายเลขโทรศัพท์ที่ติดต่อกลับได้</label><input type="tel" id="phone" name="phone">
<label for="email">อีเมล</label><input type="email" id="email" name="email">
<label for="type">ประเภทเรื่อง</label>
<select id="type" name="type"><option>การทุจริตต่อหน้าที่</option><option>การจัดซื้อจัดจ้าง</option><option>การเรียกรับสินบน</option><option>การประพฤติมิชอบอื่น ๆ</option></select>
<label for="who">ผู้ถูกร้องเรียน / ส่วนราชการ</label><input type="text" id="who" name="who">
<label for="detail">รายละเอียดเรื่องร้องเรียน</label><textarea id="detail" name="detail" rows="8" required></textarea>
<label for="file">หลักฐานประกอบ (ถ้ามี)</label><input type="file" id="file" name="file">
<button type="submit">ส่งเรื่องร้องเรียน</button>
</form>
<h2>ช่องทางอื่น</h2>
<ul>
<li>ร้องเรียนด้วยตนเอง ณ ศูนย์รับเรื่องร้องเรียน สำนักปลัดเทศบาลตำบลท่าแพ</li>
<li>โทรศัพท์ ๐-๗๕๗๖-๕๒๖๗-๘ ต่อ ๑๑</li>
<li>ระบบแจ้งเบาะแสการทุจริต สำนักงาน ป.ป.ช. <a href="https://wbs.nacc.go.th">https://wbs.nacc.go.th</a></li>
<li>ศูนย์ดำรงธรรม โทร ๑๕๖๗</li>
</ul>"""
    html("/complaint/", page("ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", body, [("/complaint/", "ร้องเรียน")]))

    # ---- O17 guideline (pass)
    body = """<p>ประกาศใช้ตั้งแต่วันที่ ๑ ตุลาคม ๒๕๖๗ เป็นต้นไป</p>
<h2>หน่วยงานผู้รับผิดชอบ</h2>
<p>ศูนย์รับเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ สำนักปลัดเทศบาลตำบลท่าแพ (งานนิติการ) โทร ๐-๗๕๗๖-๕๒๖๗-๘ ต่อ ๑๑</p>
<h2>ช่องทางการร้องเรียน</h2>
<ol><li>ด้วยตนเอง ณ ศูนย์รับเรื่องร้องเรียน</li><li>หนังสือทางไปรษณีย์ถึงนายกเทศมนตรีตำบลท่าแพ</li>
<li>โทรศัพท์</li><li><a href="/complaint/">แบบฟอร์มร้องเรียนออนไลน์บนเว็บไซต์เทศบาล</a></li>
<li>ระบบแจ้งเบาะแสของสำนักงาน ป.ป.ช. (wbs.nacc.go.th)</li></ol>
<h2>ขั้นตอนการดำเนินการ</h2>
<table>
<tr><th>ขั้นตอน</th><th>การดำเนินการ</th><th>ระยะเวลา</th></tr>
<tr><td>๑</td><td>รับเรื่องและลงทะเบียนรับเรื่องร้องเรียน</td><td>ภายใน ๑ วันทำการ</td></tr>
<tr><td>๒</td><td>แจ้งตอบรับเรื่องแก่ผู้ร้องเรียน</td><td>ภายใน ๓ วันทำการ</td></tr>
<tr><td>๓</td><td>เสนอนายกเทศมนตรีพิจารณาสั่งการ แต่งตั้งคณะกรรมการตรวจสอบข้อเท็จจริง</td><td>ภายใน ๕ วันทำการ</td></tr>
<tr><td>๔</td><td>ตรวจสอบข้อเท็จจริงและดำเนินการตามอำนาจหน้าที่</td><td>ภายใน ๓๐ วัน (ขยายได้อีก ๑๕ วัน)</td></tr>
<tr><td>๕</td><td>แจ้งผลการดำเนินการแก่ผู้ร้องเรียนและรายงานผลต่อผู้บริหาร</td><td>ภายใน ๗ วันทำการ นับแต่ดำเนินการแล้วเสร็จ</td></tr>
</table>
<p>การคุ้มครองผู้ร้องเรียน: ข้อมูลผู้ร้องเรียนและพยานจะถูกเก็บเป็นความลับ เปิดเผยได้เฉพาะผู้ที่เกี่ยวข้องเท่าที่จำเป็น</p>
<p><a href="/files/complaint/complaint-handling-guideline.pdf">ดาวน์โหลดแนวปฏิบัติฉบับเต็ม (PDF)</a></p>"""
    html("/complaint/guideline/", page("แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", body, [("/complaint/", "ร้องเรียน")]))

    # ---- O19 statistics (incomplete: only totals per month, no completed / pending breakdown)
    body = """<p>ข้อมูลตั้งแต่วันที่ ๑ ตุลาคม ๒๕๖๗ ถึงวันที่ ๓๑ มีนาคม ๒๕๖๘ (รอบ ๖ เดือน)</p>
<table>
<tr><th>เดือน</th><th>จำนวนเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ (เรื่อง)</th></tr>
<tr><td>ตุลาคม ๒๕๖๗</td><td class="num">๐</td></tr>
<tr><td>พฤศจิกายน ๒๕๖๗</td><td class="num">๑</td></tr>
<tr><td>ธันวาคม ๒๕๖๗</td><td class="num">๐</td></tr>
<tr><td>มกราคม ๒๕๖๘</td><td class="num">๐</td></tr>
<tr><td>กุมภาพันธ์ ๒๕๖๘</td><td class="num">๑</td></tr>
<tr><td>มีนาคม ๒๕๖๘</td><td class="num">๐</td></tr>
<tr><th>รวม</th><th class="num">๒</th></tr>
</table>"""
    html("/complaint/statistics/", page("สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", body, [("/complaint/", "ร้องเรียน")]))

    # ---- O20 participation (pass)
    body = """<h2>การประชุมประชาคมท้องถิ่น เพื่อทบทวนแผนพัฒนาท้องถิ่น</h2>
<p>วันที่ ๑๒ กุมภาพันธ์ ๒๕๖๘ เวลา ๐๙.๐๐ – ๑๒.๐๐ น. ณ ห้องประชุมเทศบาลตำบลท่าแพ มีผู้เข้าร่วม ๘๕ คน ประกอบด้วยประชาชนจากหมู่ที่ ๑ – ๘
ผู้นำชุมชน และเจ้าหน้าที่เทศบาล ที่ประชุมเสนอโครงการรวม ๑๔ โครงการ เช่น รางระบายน้ำหมู่ที่ ๕ ไฟฟ้าส่องสว่างหมู่ที่ ๒ และศูนย์กิจกรรมผู้สูงอายุ</p>
<div class="gallery">
<img src="/img/activity/forum-1.png" alt="ประชาคมท้องถิ่น ๑๒ ก.พ. ๒๕๖๘" width="200" height="130">
<img src="/img/activity/forum-2.png" alt="ประชาคมท้องถิ่น ๑๒ ก.พ. ๒๕๖๘" width="200" height="130">
</div>
<p><a href="/files/participation/minutes-forum-2568.pdf">รายงานการประชุมประชาคมท้องถิ่น ๑๒ กุมภาพันธ์ ๒๕๖๘ (PDF)</a></p>
<h2>การประชุมคณะกรรมการชุมชน</h2>
<p>วันที่ ๑๐ มกราคม ๒๕๖๘ ประชุมคณะกรรมการชุมชนทั้ง ๘ หมู่บ้าน ร่วมกำหนดจุดติดตั้งไฟฟ้าส่องสว่างและจุดวางถังขยะ ผู้เข้าร่วม ๓๒ คน</p>"""
    html("/participation/", page("การเปิดโอกาสให้เกิดการมีส่วนร่วม ปีงบประมาณ พ.ศ. ๒๕๖๘", body, [("/ita/", "ITA")]))

    # ---- O21 No Gift declaration + culture activity (pass). It mentions "โดยธรรมจรรยา" but is NOT the O22 report.
    body = """<h2>ประกาศเทศบาลตำบลท่าแพ เรื่อง เจตนารมณ์การไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy) ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</h2>
<p>เพื่อเป็นการสร้างวัฒนธรรมองค์กรที่โปร่งใสและป้องกันการทุจริต ข้าพเจ้า นายจรัญ เจียจิราพัทธนันท์ นายกเทศมนตรีตำบลท่าแพ พร้อมด้วยคณะผู้บริหาร
พนักงานเทศบาล ลูกจ้างประจำ และพนักงานจ้างทุกคน ขอประกาศเจตนารมณ์ว่าจะไม่รับของขวัญ ของกำนัล หรือประโยชน์อื่นใดจากการปฏิบัติหน้าที่
และจะไม่ให้ของขวัญแก่ผู้บังคับบัญชาหรือบุคคลอื่นเนื่องในโอกาสต่าง ๆ เว้นแต่การรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา
ตามประกาศคณะกรรมการ ป.ป.ช. ที่เกี่ยวข้อง</p>
<p>ประกาศ ณ วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๗</p>
<p>(ลงชื่อ) จรัญ เจียจิราพัทธนันท์<br>(นายจรัญ เจียจิราพัทธนันท์)<br>นายกเทศมนตรีตำบลท่าแพ</p>
<p><a href="/files/nogift/nogift-declaration-2568.pdf">ประกาศเจตนารมณ์ No Gift Policy ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ (PDF)</a></p>
<h2>กิจกรรมสร้างวัฒนธรรม No Gift Policy</h2>
<p>วันที่ ๗ พฤศจิกายน ๒๕๖๗ <a href="/news/2567/nogift-meeting/">ประชุมชี้แจงแนวทางปฏิบัติตามนโยบาย No Gift Policy</a> แก่พนักงานทุกส่วนราชการ
และติดป้ายประชาสัมพันธ์ "งดให้ งดรับ ของขวัญ" ณ จุดให้บริการของทุกกอง</p>
<p><img src="/img/activity/nogift-1.png" alt="กิจกรรม No Gift Policy ๗ พ.ย. ๒๕๖๗" width="200" height="130"></p>"""
    html("/nogift/", page("ประกาศเจตนารมณ์ No Gift Policy ประจำปี ๒๕๖๘", body, [("/ita/", "ITA")]))

    # ---- anti-corruption hub, O23 risk assessment (pass), O26 report on FY 2567 plan (pass)
    plan67 = "/files/anticorruption/แผนปฏิบัติการป้องกันการทุจริต-2567.pdf"
    body = f"""<ul>
<li><a href="{u(plan67)}">แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๗</a> (PDF)</li>
<li><a href="/anticorruption/report-2567/">รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๗</a></li>
<li><a href="/anticorruption/risk-2568/">การประเมินความเสี่ยงการให้หรือรับสินบน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</a></li>
<li><a href="/nogift/">No Gift Policy</a></li>
<li><a href="/complaint/">แจ้งเรื่องร้องเรียนการทุจริต</a></li>
</ul>"""
    html("/anticorruption/", page("การป้องกันการทุจริต", body, [("/ita/", "ITA")]))

    body = """<p>การประเมินความเสี่ยงที่อาจเกิดการให้หรือรับสินบนจากการดำเนินงานตามภารกิจของเทศบาลตำบลท่าแพ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘
(ประเมินเมื่อวันที่ ๒๐ พฤศจิกายน ๒๕๖๗ โดยคณะทำงานประเมินความเสี่ยง)</p>
<table>
<tr><th>กระบวนงาน</th><th>เหตุการณ์ความเสี่ยง</th><th>โอกาส</th><th>ผลกระทบ</th><th>ระดับความเสี่ยง</th><th>มาตรการควบคุม</th><th>ผู้รับผิดชอบ</th></tr>
<tr><td>การพิจารณาอนุญาตก่อสร้างอาคาร</td><td>เจ้าหน้าที่เรียกรับเงินเพื่อเร่งรัดการออกใบอนุญาต</td><td>๓</td><td>๔</td><td>สูง (๑๒)</td><td>ประกาศขั้นตอนและระยะเวลาให้ประชาชนทราบ ติดตามเรื่องด้วยระบบทะเบียนคุม ตรวจสอบโดยผู้บังคับบัญชาทุกสัปดาห์</td><td>กองช่าง</td></tr>
<tr><td>การจัดซื้อจัดจ้าง</td><td>การกำหนดคุณลักษณะเฉพาะเพื่อเอื้อประโยชน์แก่ผู้ค้ารายใดรายหนึ่ง และรับผลประโยชน์ตอบแทน</td><td>๓</td><td>๕</td><td>สูงมาก (๑๕)</td><td>เปิดเผยราคากลางและคุณลักษณะในระบบ e-GP ให้คณะกรรมการลงนามเอกสารไม่มีผลประโยชน์ทับซ้อน</td><td>กองคลัง</td></tr>
<tr><td>การประเมินภาษีที่ดินและสิ่งปลูกสร้าง</td><td>การลดหย่อนการประเมินภาษีโดยรับผลประโยชน์ตอบแทน</td><td>๒</td><td>๔</td><td>ปานกลาง (๘)</td><td>สุ่มตรวจการประเมินร้อยละ ๑๐ โดยหัวหน้าหน่วยงาน เผยแพร่อัตราภาษี</td><td>กองคลัง</td></tr>
<tr><td>การติดตั้งมาตรวัดน้ำประปา</td><td>การเรียกรับเงินเพื่อติดตั้งก่อนลำดับคิว</td><td>๒</td><td>๒</td><td>ต่ำ (๔)</td><td>ระบบคิวตามลำดับคำร้องและแจ้งผู้ยื่นคำร้องทางโทรศัพท์</td><td>กองการประปา</td></tr>
</table>
<p><a href="/files/anticorruption/risk-assessment-2568.pdf">เอกสารการประเมินความเสี่ยง ปีงบประมาณ พ.ศ. ๒๕๖๘ (PDF)</a></p>"""
    html("/anticorruption/risk-2568/", page("การประเมินความเสี่ยงการให้หรือรับสินบน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", body, [("/anticorruption/", "การป้องกันการทุจริต")]))

    body = """<p>รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ (๑ ตุลาคม ๒๕๖๖ – ๓๐ กันยายน ๒๕๖๗)
รายงานต่อนายกเทศมนตรีเมื่อวันที่ ๒๕ ตุลาคม ๒๕๖๗</p>
<table>
<tr><th>มิติ</th><th>โครงการตามแผน</th><th>ดำเนินการแล้ว</th><th>งบประมาณตามแผน (บาท)</th><th>เบิกจ่ายจริง (บาท)</th></tr>
<tr><td>มิติที่ ๑ การสร้างสังคมที่ไม่ทนต่อการทุจริต</td><td class="num">๗</td><td class="num">๖</td><td class="num">๑๔๐,๐๐๐</td><td class="num">๑๒๒,๐๐๐</td></tr>
<tr><td>มิติที่ ๒ การบริหารราชการเพื่อป้องกันการทุจริต</td><td class="num">๕</td><td class="num">๕</td><td class="num">๘๐,๐๐๐</td><td class="num">๗๖,๕๐๐</td></tr>
<tr><td>มิติที่ ๓ การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน</td><td class="num">๔</td><td class="num">๓</td><td class="num">๖๐,๐๐๐</td><td class="num">๔๙,๐๐๐</td></tr>
<tr><td>มิติที่ ๔ การเสริมสร้างและปรับปรุงกลไกในการตรวจสอบการปฏิบัติราชการ</td><td class="num">๒</td><td class="num">๒</td><td class="num">๔๐,๐๐๐</td><td class="num">๓๗,๐๐๐</td></tr>
<tr><th>รวม</th><th class="num">๑๘</th><th class="num">๑๖</th><th class="num">๓๒๐,๐๐๐</th><th class="num">๒๘๔,๕๐๐</th></tr>
</table>
<p>ปัญหาและอุปสรรค: โครงการฝึกอบรม ๒ โครงการเลื่อนออกไปเนื่องจากภารกิจเร่งด่วนด้านสาธารณภัย ข้อเสนอแนะ: กำหนดจัดในไตรมาสแรกของปีงบประมาณ</p>
<p><a href="/files/anticorruption/acplan-report-2567.pdf">ดาวน์โหลดรายงาน (PDF)</a></p>"""
    html("/anticorruption/report-2567/", page("รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๗", body, [("/anticorruption/", "การป้องกันการทุจริต")]))


# ======================================================================== ITA hub

PENDING = '<span class="pending">อยู่ระหว่างดำเนินการ</span>'

HUB = [
    ("9.1 ข้อมูลพื้นฐาน", [
        ("o1", "โครงสร้างและอำนาจหน้าที่", '<a href="/about/structure/">โครงสร้างและอำนาจหน้าที่</a>'),
        ("O2", "ข้อมูลผู้บริหาร", '<a href="/about/executives/">ข้อมูลผู้บริหาร</a>'),
        ("O3", "ข้อมูลการติดต่อ", '<a href="/contact/">ข้อมูลการติดต่อ</a>'),
        ("O4", "ข่าวประชาสัมพันธ์", '<a href="/news/">คลิกที่นี่</a>'),
    ]),
    ("9.2 การบริหารงานและการใช้จ่ายงบประมาณ", [
        ("O5", "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", '<a href="/plan/development/">แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ – ๒๕๗๐)</a>'),
        ("O6", "แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี", '<a href="/plan/annual-2568/">แผนการดำเนินงานและความก้าวหน้า ประจำปี ๒๕๖๘</a>'),
        ("O7", "รายงานผลการดำเนินงานประจำปี", '<a href="/files/plan/รายงานผล-66.pdf">รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๖</a>'),
        ("O8", "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่", '<a href="/old/manual_staff.htm">คู่มือการปฏิบัติงาน</a>'),
        ("O09", "คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ", '<a href="/services/guide/">คู่มือสำหรับประชาชน</a>'),
        ("O10", "E–Service", f'<a href="{ESERVICE}">ระบบ E–Service เทศบาลตำบลท่าแพ</a>'),
        ("O11", "ข้อมูลสถิติการให้บริการ", '<a href="/services/statistics/">คลิกที่นี่</a>'),
    ]),
    ("9.3 การจัดซื้อจัดจ้าง", [
        ("O12", "รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",
         '<a href="/procurement/2568/">รายการจัดซื้อจัดจ้าง ปีงบประมาณ ๒๕๖๘</a>'),
        ("O13", "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี", '<a href="/files/doc/DOC00213.pdf">ดาวน์โหลดเอกสาร</a>'),
    ]),
    ("9.4 การบริหารและพัฒนาทรัพยากรบุคคล", [
        ("O14", "แผนการบริหารและพัฒนาทรัพยากรบุคคล", PENDING),
        ("O15", "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี",
         '<a href="/hr/report-2567/">รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปี ๒๕๖๗</a>'),
        ("O 16", "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม", '<a href="/ethics/">ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม</a>'),
    ]),
    ("9.5 การส่งเสริมความโปร่งใส", [
        ("O17", "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", '<a href="/complaint/guideline/">แนวปฏิบัติการจัดการเรื่องร้องเรียน</a>'),
        ("O18", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", '<a href="/complaint/">แจ้งเรื่องร้องเรียนการทุจริต</a>'),
        ("O19", "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", '<a href="/complaint/statistics/">สถิติเรื่องร้องเรียน ๒๕๖๘</a>'),
        ("O20", "การเปิดโอกาสให้เกิดการมีส่วนร่วม", '<a href="/participation/">การมีส่วนร่วมของประชาชน</a>'),
    ]),
    ("10.1 การดำเนินการเพื่อป้องกันการทุจริตในประเด็นสินบน", [
        ("O21", "ประกาศเจตนารมณ์และการสร้างวัฒนธรรม ตามนโยบาย No Gift Policy จากการปฏิบัติหน้าที่",
         '<a href="/nogift/">ประกาศเจตนารมณ์ No Gift Policy ประจำปี ๒๕๖๘</a>'),
        ("O22", "รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา", "-"),
        ("O23", "การประเมินความเสี่ยงที่อาจเกิดการให้หรือรับสินบนจากการดำเนินงานตามภารกิจของหน่วยงาน",
         '<a href="/anticorruption/risk-2568/">การประเมินความเสี่ยง ปี ๒๕๖๘</a>'),
        ("O24", "รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ", PENDING),
    ]),
    ("10.2 การส่งเสริมคุณธรรมและความโปร่งใส", [
        ("O25", "แผนปฏิบัติการป้องกันการทุจริต",
         f'<a href="{u("/files/anticorruption/แผนปฏิบัติการป้องกันการทุจริต-2567.pdf")}">แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2567</a>'),
        ("O26", "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต",
         '<a href="/anticorruption/report-2567/">รายงานผลการดำเนินงานตามแผนฯ ปี ๒๕๖๗</a>'),
    ]),
]

OLD_2567 = [
    ("o7", "แผนดำเนินงานและการใช้งบประมาณประจำปี", '<a href="/files/2567/action-plan-2567.pdf">แผนการดำเนินงาน ประจำปี 2567</a>'),
    ("o10", "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่", f'<a href="{u("/files/2567/คู่มือปฏิบัติงาน-2567.pdf")}">คู่มือการปฏิบัติงาน 2567</a>'),
    ("o14", "แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ", '<a href="/files/2567/procurement-plan-2567.pdf">แผนการจัดซื้อจัดจ้าง ประจำปี 2567</a>'),
    ("o22", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", '<a href="/complaint/">แจ้งเรื่องร้องเรียน</a>'),
    ("o24", "การเปิดโอกาสให้เกิดการมีส่วนร่วม", '<a href="/files/2567/participation-2567.pdf">การมีส่วนร่วม ปี 2567</a>'),
    ("o28", "การประเมินความเสี่ยงการทุจริตประจำปี", '<a href="/files/2567/risk-2567.pdf">การประเมินความเสี่ยงการทุจริต ประจำปี 2567</a>'),
    ("o30", "แผนปฏิบัติการป้องกันการทุจริต", f'<a href="{u("/files/anticorruption/แผนปฏิบัติการป้องกันการทุจริต-2567.pdf")}">แผนปฏิบัติการป้องกันการทุจริต ประจำปี 2567</a>'),
]


def ita():
    rows = []
    for group, items in HUB:
        rows.append(f'<tr class="group"><td colspan="3">ตัวชี้วัดย่อยที่ {th(group)}</td></tr>')
        for code, name, link in items:
            rows.append(f"<tr><td>{code}</td><td>{name}</td><td>{link}</td></tr>")
    old = "\n".join(f"<tr><td>{c}</td><td>{n}</td><td>{l}</td></tr>" for c, n, l in OLD_2567)
    body = f"""<p>แบบวัดการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment: OIT)</p>
<h2>การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</h2>
<table class="ita">
<tr><th style="width:8%">ข้อ</th><th>รายการ</th><th style="width:38%">ลิงก์</th></tr>
{chr(10).join(rows)}
</table>
<details id="ita2567">
<summary>ITA 2567 – การประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2567 (ข้อมูลย้อนหลัง)</summary>
<table>
<tr><th>ข้อ</th><th>รายการ</th><th>ลิงก์</th></tr>
{old}
</table>
</details>"""
    html("/ita/2568/", page("การประเมินคุณธรรมและความโปร่งใส ITA 2568", body, [("/ita/", "ITA")]))

    body = """<ul>
<li><a href="/ita/2568/">การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</a></li>
<li><a href="/ita/2568/#ita2567">ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ (ข้อมูลย้อนหลัง)</a></li>
</ul>
<h2>ผลการประเมิน ITA ที่ผ่านมา</h2>
<table>
<tr><th>ปีงบประมาณ</th><th>คะแนน</th><th>ระดับผลการประเมิน</th></tr>
<tr><td>พ.ศ. ๒๕๖๖</td><td class="num">๗๔.๗๔</td><td>ต้องปรับปรุง</td></tr>
<tr><td>พ.ศ. ๒๕๖๗</td><td class="num">๖๘.๕๑</td><td>ต้องปรับปรุงโดยด่วน</td></tr>
</table>"""
    html("/ita/", page("การประเมินคุณธรรมและความโปร่งใส (ITA)", body))


# ======================================================================== misc pages, robots, sitemap

def misc():
    imgs = "\n".join(f'<img src="/img/activity/{n}.png" alt="{a}" width="200" height="130">' for n, a in [
        ("forum-1", "ประชาคมท้องถิ่น"), ("ethics-1", "อบรมคุณธรรมจริยธรรม"), ("volunteer-1", "จิตอาสาพัฒนา"),
        ("localday-1", "วันท้องถิ่นไทย"), ("rabies-1", "ฉีดวัคซีนพิษสุนัขบ้า"), ("water-1", "ซ่อมท่อประปา")])
    html("/gallery/", page("ภาพกิจกรรม", f'<div class="gallery">\n{imgs}\n</div>'))

    body = """<ul>
<li><strong>คลองท่าแพ</strong> – ลำคลองสายหลักของตำบล เส้นทางปั่นจักรยานริมคลองระยะทาง ๓ กิโลเมตร</li>
<li><strong>ตลาดนัดชุมชนท่าแพ</strong> – ทุกวันพุธและวันเสาร์ สินค้าเกษตรและอาหารพื้นบ้าน</li>
<li><strong>ศูนย์การเรียนรู้เศรษฐกิจพอเพียง หมู่ที่ ๖</strong> – แปลงเกษตรผสมผสานและการแปรรูปผลผลิต</li>
</ul>"""
    html("/tourism/", page("สถานที่สำคัญในตำบล", body))

    body = """<ul>
<li>พระราชบัญญัติเทศบาล พ.ศ. ๒๔๙๖ และที่แก้ไขเพิ่มเติม</li>
<li>พระราชบัญญัติกำหนดแผนและขั้นตอนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น พ.ศ. ๒๕๔๒</li>
<li>พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐</li>
<li>พระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐</li>
<li>พระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. ๒๕๕๘</li>
<li>พระราชบัญญัติมาตรฐานทางจริยธรรม พ.ศ. ๒๕๖๒</li>
</ul>
<p>ค้นหากฎหมายฉบับเต็มได้ที่ <a href="https://www.krisdika.go.th/">สำนักงานคณะกรรมการกฤษฎีกา</a></p>"""
    html("/law/", page("กฎหมายที่เกี่ยวข้อง", body))

    body = f"""<p>เทศบาลตำบลท่าแพเก็บรวบรวม ใช้ และเปิดเผยข้อมูลส่วนบุคคลเท่าที่จำเป็นตามอำนาจหน้าที่ ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. ๒๕๖๒</p>
<p>ผู้ควบคุมข้อมูลส่วนบุคคล: เทศบาลตำบลท่าแพ ติดต่อเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล อีเมล dpo.thaphae@example.com</p>"""
    html("/privacy/", page("นโยบายคุ้มครองข้อมูลส่วนบุคคล", body))

    # /admin/ is disallowed in robots.txt; it holds an unpublished draft (robots trap for O14)
    body = """<form action="/admin/login" method="post">
<p><label>ชื่อผู้ใช้ <input type="text" name="user"></label></p>
<p><label>รหัสผ่าน <input type="password" name="pass"></label></p>
<p><button type="submit">เข้าสู่ระบบ</button></p>
</form>
<h2>เอกสารร่าง (ยังไม่เผยแพร่)</h2>
<ul><li><a href="/admin/drafts/hr-plan-2568-draft.pdf">ร่าง แผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</a></li></ul>"""
    html("/admin/", page("ระบบจัดการเว็บไซต์ (สำหรับเจ้าหน้าที่)", body))

    write("css/style.css", CSS.lstrip())
    write("robots.txt", "User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: /sitemap.xml\n")


SITEMAP = [
    "/", "/about/", "/about/vision/", "/about/structure/", "/about/executives/", "/about/council/", "/about/units/",
    "/about/old-photos/",  # only reachable through this sitemap
    "/contact/", "/news/", "/plan/", "/plan/development/", "/plan/annual-2568/", "/plan/report/",
    "/services/", "/services/guide/", "/services/statistics/", "/downloads/",
    "/procurement/", "/procurement/2568/", "/procurement/announcements/",
    "/complaint/", "/complaint/guideline/", "/complaint/statistics/",
    "/ethics/", "/participation/", "/nogift/", "/anticorruption/", "/anticorruption/risk-2568/",
    "/anticorruption/report-2567/", "/ita/", "/ita/2568/",
]


def sitemap():
    urls = SITEMAP + [news_url(n[0], n[1]) for n in NEWS]
    body = "\n".join(f"  <url><loc>{p}</loc><lastmod>2025-05-02</lastmod></url>" for p in urls)
    write("sitemap.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n'
                         f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}\n</urlset>\n')


def main():
    clean()
    images()
    documents()
    home()
    about()
    contact()
    news_pages()
    plans()
    legacy_manual_page()
    services()
    procurement()
    integrity_pages()
    ita()
    misc()
    sitemap()
    print("built", ROOT)


if __name__ == "__main__":
    main()
