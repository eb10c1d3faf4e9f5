"""Helpers for the demo site generator: PNG and PDF writers, Thai dates, page layout.

Standard library only. PDFs are written by hand: text PDFs use the built-in Helvetica font
(ASCII only); the scanned-style PDF holds one grey image and no text operators.
"""
import math
import os
import random
import struct
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
MONTHS = ["", "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
          "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
MONTHS_SHORT = ["", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]


def th(text):
    """Arabic digits to Thai digits."""
    return str(text).translate(THAI_DIGITS)


def thdate(d, m, y, thai=False):
    s = f"{d} {MONTHS[m]} {y}"
    return th(s) if thai else s


def write(rel, data):
    path = os.path.join(ROOT, rel.lstrip("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    mode = "wb" if isinstance(data, (bytes, bytearray)) else "w"
    if mode == "wb":
        with open(path, "wb") as f:
            f.write(data)
    else:
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(data)
    return path


# ---------------------------------------------------------------- PNG

class Canvas:
    def __init__(self, w, h, bg=(255, 255, 255)):
        self.w, self.h = w, h
        self.px = bytearray(bytes(bg) * (w * h))

    def rect(self, x0, y0, x1, y1, c):
        x0, x1 = max(0, int(x0)), min(self.w, int(x1))
        y0, y1 = max(0, int(y0)), min(self.h, int(y1))
        if x1 <= x0:
            return
        run = bytes(c) * (x1 - x0)
        for y in range(y0, y1):
            o = (y * self.w + x0) * 3
            self.px[o:o + len(run)] = run

    def ellipse(self, cx, cy, rx, ry, c):
        for y in range(int(cy - ry), int(cy + ry) + 1):
            t = (y - cy) / ry
            if abs(t) > 1:
                continue
            dx = rx * math.sqrt(1 - t * t)
            self.rect(cx - dx, y, cx + dx + 1, y + 1, c)

    def frame(self, x0, y0, x1, y1, c, t=2):
        self.rect(x0, y0, x1, y0 + t, c)
        self.rect(x0, y1 - t, x1, y1, c)
        self.rect(x0, y0, x0 + t, y1, c)
        self.rect(x1 - t, y0, x1, y1, c)

    def png(self):
        raw = bytearray()
        stride = self.w * 3
        for y in range(self.h):
            raw.append(0)
            raw += self.px[y * stride:(y + 1) * stride]

        def chunk(kind, data):
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

        return (b"\x89PNG\r\n\x1a\n"
                + chunk(b"IHDR", struct.pack(">IIBBBBB", self.w, self.h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
                + chunk(b"IEND", b""))


def portrait(seed, uniform=(245, 245, 240), bg=None):
    """A small colour 'photo': background, shoulders in uniform, face, hair."""
    r = random.Random(seed)
    bg = bg or (r.randint(120, 200), r.randint(150, 210), r.randint(190, 240))
    c = Canvas(90, 112, bg)
    for y in range(112):  # soft vertical gradient like a studio backdrop
        k = y / 112
        c.rect(0, y, 90, y + 1, tuple(int(v * (1 - 0.25 * k)) for v in bg))
    skin = (r.randint(190, 225), r.randint(150, 180), r.randint(120, 150))
    c.ellipse(45, 118, 42, 36, uniform)              # shoulders
    c.rect(40, 80, 50, 92, skin)                      # neck
    c.ellipse(45, 55, 19, 24, skin)                   # face
    c.ellipse(45, 38, 20, 11, (30, 25, 25))           # hair
    c.rect(43, 86, 47, 112, (200, 170, 60))           # buttons / tie strip
    c.rect(20, 92, 30, 96, (200, 160, 40))            # epaulette
    c.rect(60, 92, 70, 96, (200, 160, 40))
    c.ellipse(38, 55, 2, 2, (40, 30, 30))
    c.ellipse(52, 55, 2, 2, (40, 30, 30))
    c.rect(40, 66, 50, 68, (150, 80, 80))
    return c.png()


def activity_photo(seed, w=200, h=130):
    r = random.Random(seed)
    c = Canvas(w, h, (150, 200, 240))
    c.rect(0, int(h * 0.55), w, h, (110, 160, 90))
    c.rect(int(w * 0.1), int(h * 0.2), int(w * 0.9), int(h * 0.5), (235, 225, 200))  # tent / building
    c.rect(int(w * 0.1), int(h * 0.15), int(w * 0.9), int(h * 0.22), (180, 40, 40))
    for i in range(r.randint(8, 14)):
        x = r.randint(8, w - 8)
        y = r.randint(int(h * 0.55), h - 10)
        col = r.choice([(250, 250, 250), (230, 200, 60), (60, 90, 160), (200, 80, 80), (90, 60, 40)])
        c.ellipse(x, y - 14, 4, 5, (210, 170, 130))
        c.rect(x - 5, y - 9, x + 5, y + 8, col)
    return c.png()


def org_chart():
    c = Canvas(480, 300, (255, 255, 255))
    blue, gold, grey = (40, 70, 140), (210, 170, 50), (120, 120, 120)
    c.rect(180, 10, 300, 40, blue)                    # mayor
    c.rect(60, 70, 170, 95, gold)                     # deputies
    c.rect(310, 70, 420, 95, gold)                    # council
    c.rect(180, 120, 300, 150, blue)                  # clerk
    c.rect(239, 40, 241, 120, grey)
    c.rect(115, 55, 365, 57, grey)
    c.rect(115, 55, 117, 70, grey)
    c.rect(363, 55, 365, 70, grey)
    c.rect(30, 190, 450, 192, grey)
    c.rect(239, 150, 241, 190, grey)
    for i in range(6):
        x = 10 + i * 78
        c.rect(x + 30, 190, x + 32, 210, grey)
        c.rect(x, 210, x + 66, 250, (90, 130, 200))
        c.rect(x + 6, 222, x + 60, 226, (255, 255, 255))
        c.rect(x + 6, 232, x + 48, 236, (255, 255, 255))
    return c.png()


def logo():
    c = Canvas(72, 72, (255, 255, 255))
    c.ellipse(36, 36, 34, 34, (30, 60, 130))
    c.ellipse(36, 36, 28, 28, (220, 180, 50))
    c.ellipse(36, 36, 20, 20, (30, 60, 130))
    c.rect(20, 40, 52, 46, (240, 240, 240))           # a boat on water (ท่าแพ = raft pier)
    c.rect(34, 22, 38, 40, (240, 240, 240))
    return c.png()


def banner():
    w, h = 960, 170
    c = Canvas(w, h)
    for y in range(h):
        k = y / h
        c.rect(0, y, w, y + 1, (int(30 + 60 * k), int(90 + 70 * k), int(160 + 50 * k)))
    c.rect(0, 135, w, h, (70, 130, 90))
    for i in range(14):
        x = 40 + i * 68
        c.rect(x, 95 - (i % 3) * 12, x + 40, 135, (240, 230, 210))
        c.rect(x - 4, 90 - (i % 3) * 12, x + 44, 97 - (i % 3) * 12, (170, 50, 40))
    c.ellipse(860, 40, 22, 22, (250, 220, 120))
    return c.png()


# ---------------------------------------------------------------- PDF

def _pdf_escape(s):
    s.encode("ascii")  # Helvetica with WinAnsi: keep to ASCII
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _assemble(objects, info=None):
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    all_objs = list(objects)
    if info is not None:
        all_objs.append(info)
    for i, body in enumerate(all_objs, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(all_objs) + 1}\n".encode()
    out += b"0000000000 65535 f \n"
    for o in offsets:
        out += f"{o:010d} 00000 n \n".encode()
    trailer = f"trailer\n<< /Size {len(all_objs) + 1} /Root 1 0 R"
    if info is not None:
        trailer += f" /Info {len(all_objs)} 0 R"
    out += (trailer + f" >>\nstartxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


def _stream(data, extra=""):
    return f"<< /Length {len(data)}{extra} >>\nstream\n".encode() + data + b"\nendstream"


def pdf_text(title, lines, meta_title=None, created="D:20250115090000+07'00'"):
    """One A4 page: a 14 pt title and 10.5 pt body lines, Helvetica, ASCII only."""
    ops = ["BT", "/F1 14 Tf", "16 TL", "56 786 Td", f"({_pdf_escape(title + ' ')}) Tj", "T*", "/F1 10.5 Tf", "14 TL", "T*"]
    for line in lines:
        ops.append(f"({_pdf_escape(line + ' ')}) Tj T*")  # trailing space: extractors glue lines
    ops.append("ET")
    # a thin rule under the title, as a letterhead
    ops += ["0.2 0.3 0.6 RG 1 w 56 776 m 539 776 l S"]
    content = "\n".join(ops).encode("ascii")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        _stream(content),
    ]
    info = f"<< /Title ({_pdf_escape(meta_title or title)}) /Producer (Tha Phae Municipality document service) /CreationDate ({created}) >>".encode("ascii")
    return _assemble(objs, info)


def pdf_scanned(seed=213):
    """A 'scanned' page: one greyscale image of a letter (bars for lines, a seal), no text at all."""
    r = random.Random(seed)
    w, h = 496, 702
    rows = []
    paper = 238
    lines = set()
    y = 90
    while y < 600:
        lines.add(y)
        y += r.choice([18, 18, 18, 26])
    for yy in range(h):
        row = bytearray([paper]) * w
        for ly in lines:
            if ly <= yy < ly + 7:
                start = 60 if ly > 130 else 150
                end = max(60 + (ly * 37) % 380, start + 120)
                row[start:end] = bytes([70]) * (end - start)
        if 30 <= yy < 60:  # letterhead block
            row[200:296] = bytes([90]) * 96
        cy, cx, rr = 640, 380, 34  # seal
        dy = yy - cy
        if abs(dy) <= rr:
            dx = int(math.sqrt(rr * rr - dy * dy))
            for x in range(cx - dx, cx + dx):
                row[x] = 150 if (x + yy) % 5 else 120
        rows.append(bytes(row))
    img = zlib.compress(b"".join(rows), 9)
    content = b"q 595 0 0 842 0 0 cm /Im1 Do Q"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
        _stream(img, f" /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode"),
        _stream(content),
    ]
    info = b"<< /Creator (Canon iR-ADV C5535 PDF) /Producer (Adobe PSL 1.3e for Canon) >>"
    return _assemble(objs, info)
