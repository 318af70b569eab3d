#!/usr/bin/env python3
"""Seed corpora for the libFuzzer targets, written at build time.

    make_seeds.py OUTDIR      -> OUTDIR/<target>/<seed>

Small, well-formed inputs that reach deep into each parser: tiny ELF files
branded each way persona recognises (EI_OSABI, ABI note, interpreter), Go
binaries in miniature (.gopclntab, the three build-info layouts, a symbol
table), and records for the converters.  The fuzzers mutate from these;
real samples are far larger and slower per run.  Layout facts: the ELF
gABI, Go's runtime/symtab.go (pcHeader) and debug/buildinfo.
"""
import os
import struct
import sys

OUT = sys.argv[1]


def put(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


# ---- ELF -------------------------------------------------------------------
PT_LOAD, PT_INTERP, PT_NOTE, PT_GNU_STACK = 1, 3, 4, 0x6474E551
PF_X, PF_W, PF_R = 1, 2, 4
SHT_PROGBITS, SHT_SYMTAB, SHT_STRTAB = 1, 2, 3
TEXT_VA, DATA_VA = 0x400000, 0x600000


def note(owner, ntype, desc):
    o = owner.encode() + b"\0"
    pad = lambda b: b + b"\0" * (-len(b) % 4)
    return struct.pack("<III", len(o), len(desc), ntype) + pad(o) + pad(desc)


def elf(osabi=9, etype=2, notes=(), interp=None, text=b"\x90" * 16 + b"\x0f\x05\xc3",
        sections=(), data=b"", stack=True):
    """sections: (name, type, bytes, in_data, entsize, link) -- placed in the
    text or data segment; the section header table goes at the end."""
    phdrs = []
    body = bytearray()
    base = 64 + 56 * 8                     # room for up to 8 program headers

    def add(blob, align=8):
        while (base + len(body)) % align:
            body.append(0)
        off = base + len(body)
        body.extend(blob)
        return off

    text_off = add(text)
    entry = TEXT_VA + text_off
    note_blob = b"".join(note(*n) for n in notes)
    note_off = add(note_blob, 4) if notes else 0
    interp_off = add(interp.encode() + b"\0") if interp else 0
    sec_places = []
    for name, stype, blob, in_data, entsize, link in sections:
        if not in_data:
            sec_places.append((name, stype, add(blob, 16), blob, False, entsize, link))
    text_end = base + len(body)
    data_off = add(data, 16) if data else base + len(body)
    for name, stype, blob, in_data, entsize, link in sections:
        if in_data:
            sec_places.append((name, stype, add(blob, 16), blob, True, entsize, link))
    data_end = base + len(body)

    phdrs.append((PT_LOAD, PF_R | PF_X, 0, TEXT_VA, text_end, text_end))
    if data_end > data_off:
        phdrs.append((PT_LOAD, PF_R | PF_W, data_off, DATA_VA + data_off,
                      data_end - data_off, data_end - data_off + 64))
    if notes:
        phdrs.append((PT_NOTE, PF_R, note_off, TEXT_VA + note_off, len(note_blob), len(note_blob)))
    if interp:
        phdrs.append((PT_INTERP, PF_R, interp_off, TEXT_VA + interp_off, len(interp) + 1,
                      len(interp) + 1))
    if stack:
        phdrs.append((PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 0))

    shoff = shnum = shstrndx = 0
    if sec_places:
        names = b"\0.shstrtab\0"
        shdrs = [b"\0" * 64]
        for name, stype, off, blob, in_data, entsize, link in sec_places:
            va = (DATA_VA if in_data else TEXT_VA) + off
            flags = 2 | (1 if in_data else 4)      # ALLOC | WRITE or EXECINSTR
            if stype != SHT_PROGBITS:
                va, flags = 0, 0
            shdrs.append(struct.pack("<IIQQQQIIQQ", len(names), stype, flags, va, off,
                                     len(blob), link, 0, 8, entsize))
            names += name.encode() + b"\0"
        stroff = add(names, 1)
        shdrs.append(struct.pack("<IIQQQQIIQQ", 1, SHT_STRTAB, 0, 0, stroff, len(names),
                                 0, 0, 1, 0))
        shoff = add(b"".join(shdrs), 8)
        shnum, shstrndx = len(shdrs), len(shdrs) - 1

    ident = b"\x7fELF" + bytes([2, 1, 1, osabi]) + b"\0" * 8
    eh = ident + struct.pack("<HHIQQQIHHHHHH", etype, 62, 1, entry, 64, shoff, 0, 64, 56,
                             len(phdrs), 64, shnum, shstrndx)
    align = {PT_LOAD: 0x1000, PT_NOTE: 4, PT_INTERP: 1, PT_GNU_STACK: 16}
    ph = b"".join(struct.pack("<IIQQQQQQ", t, fl, off, va, va, fs, ms, align[t])
                  for t, fl, off, va, fs, ms in phdrs)
    img = bytearray(eh + ph + b"\0" * (base - 64 - len(ph)) + body)
    return bytes(img)


FBSD_TAG = ("FreeBSD", 1, struct.pack("<I", 1400097))
NBSD_TAG = ("NetBSD", 1, struct.pack("<I", 1000000000))
GO_NOTE = ("Go", 4, b"fuzz-build-id")

put("fuzz_elf_brand", "freebsd-osabi-note", elf(9, notes=[FBSD_TAG]))
put("fuzz_elf_brand", "freebsd-osabi-only", elf(9))
put("fuzz_elf_brand", "freebsd-note-only", elf(0, notes=[FBSD_TAG, GO_NOTE]))
put("fuzz_elf_brand", "freebsd-interp", elf(0, etype=3, interp="/libexec/ld-elf.so.1"))
put("fuzz_elf_brand", "netbsd-note", elf(0, notes=[NBSD_TAG]))
put("fuzz_elf_brand", "linux-plain", elf(0))
put("fuzz_elf_brand", "linux-interp", elf(3, etype=3, interp="/lib64/ld-linux-x86-64.so.2"))


# ---- Go: .gopclntab --------------------------------------------------------
def pclntab(funcs=(("main.main", 0x0, 0x40), ("main.f", 0x40, 0x70), ("runtime.g", 0x80, 0xa0)),
            text_start=0, magic=0xFFFFFFF1):
    names = b""
    name_offs = []
    for n, _, _ in funcs:
        name_offs.append(len(names))
        names += n.encode() + b"\0"
    hdr_size = 8 + 8 * 8
    funcname_off = hdr_size
    pcln_off = funcname_off + len(names)
    pcln_off += -pcln_off % 8
    nfunc = len(funcs)
    ftab = b""
    funcstructs = b""
    fbase = (nfunc + 1) * 8
    for i, (_, start, _) in enumerate(funcs):
        ftab += struct.pack("<II", start, fbase + len(funcstructs))
        funcstructs += struct.pack("<II", start, name_offs[i]) + b"\0" * 8
    ftab += struct.pack("<II", funcs[-1][2], 0)
    hdr = struct.pack("<IBBBB", magic, 0, 0, 1, 8) + struct.pack(
        "<QQQQQQQQ", nfunc, 0, text_start, funcname_off, 0, 0, 0, pcln_off)
    img = hdr + names
    img += b"\0" * (pcln_off - len(img))
    return img + ftab + funcstructs


put("fuzz_gopclntab", "go120", struct.pack("<QQ", TEXT_VA + 0x200, TEXT_VA + 0x250) + pclntab())
put("fuzz_gopclntab", "go118-textstart",
    struct.pack("<QQ", 0, 0x401010) + pclntab(text_start=0x401000, magic=0xFFFFFFF0))

# ---- Go: build info --------------------------------------------------------
INFO_START = bytes.fromhex("3077af0c9274080241e1c107e6d618e6")
INFO_END = bytes.fromhex("f932433186182072008242104116d8f2")
MODINFO = INFO_START + b"path\texample.com/fuzz\nmod\texample.com/fuzz\t(devel)\t\n" \
    b"dep\tgolang.org/x/sys\tv0.1.0\th1:abc=\nbuild\t-compiler=gc\n" + INFO_END
VERSION = b"go1.19.8"
MAGIC = b"\xff Go buildinf:"


def uvarint(n):
    out = b""
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out += bytes([b | 0x80])
        else:
            return out + bytes([b])


def buildinfo_inline():
    return MAGIC + bytes([8, 2]) + b"\0" * 16 + uvarint(len(VERSION)) + VERSION + \
        uvarint(len(MODINFO)) + MODINFO


def buildinfo_pointers(va):
    """Header at va; string headers and strings after it."""
    vhdr, mhdr = va + 32, va + 48
    vstr = va + 64
    mstr = vstr + len(VERSION)
    return MAGIC + bytes([8, 0]) + struct.pack("<QQ", vhdr, mhdr) + \
        struct.pack("<QQ", vstr, len(VERSION)) + struct.pack("<QQ", mstr, len(MODINFO)) + \
        VERSION + MODINFO


def goinfo_input(sel, a, b, va_a, va_b):
    return bytes([sel]) + struct.pack("<IQQ", len(a), va_a, va_b) + a + b


put("fuzz_goinfo", "region-inline", goinfo_input(0, b"", buildinfo_inline(), 0, DATA_VA))
put("fuzz_goinfo", "header-pointers", goinfo_input(1, b"", buildinfo_pointers(DATA_VA), 0, DATA_VA))
put("fuzz_goinfo", "modinfo", goinfo_input(2, b"", MODINFO, 0, 0))
rodata = b"xxxxxxxx" + VERSION
put("fuzz_goinfo", "scan", goinfo_input(3, rodata + MODINFO,
                                        struct.pack("<QQ", TEXT_VA + 8, len(VERSION)) * 2,
                                        TEXT_VA, DATA_VA))

# ---- Go-like ELF files -------------------------------------------------------
def symtab(funcs):
    strs = b"\0"
    syms = b"\0" * 24
    for name, start, size in funcs:
        syms += struct.pack("<IBBHQQ", len(strs), 0x12, 0, 1, start, size)  # GLOBAL FUNC
        strs += name.encode() + b"\0"
    return syms, strs


text = b"\x90" * 0xa0
pcl = pclntab()
go_secs = [(".text", SHT_PROGBITS, text, False, 0, 0),
           (".gopclntab", SHT_PROGBITS, pcl, False, 0, 0),
           (".go.buildinfo", SHT_PROGBITS, buildinfo_inline(), True, 0, 0)]
put("fuzz_elf_go", "go-inline", elf(9, notes=[FBSD_TAG, GO_NOTE], text=text, sections=go_secs))
put("fuzz_elf_go", "go-datasegment", elf(9, text=text, data=buildinfo_inline()))
syms, strs = symtab([("_start", TEXT_VA + 0x100, 0x20), ("main", TEXT_VA + 0x120, 0x30),
                     ("alias", TEXT_VA + 0x120, 0x10)])
# The symbol table links to its string table: section index 3 below.
put("fuzz_elf_go", "c-symtab", elf(9, notes=[FBSD_TAG], text=text, sections=[
    (".text", SHT_PROGBITS, text, False, 0, 0),
    (".symtab", SHT_SYMTAB, syms, False, 24, 3),
    (".strtab", SHT_STRTAB, strs, False, 0, 0)]))
scan_data = struct.pack("<QQ", TEXT_VA + 0x80, len(VERSION)) + MODINFO
put("fuzz_elf_go", "go-scan", elf(9, text=text[:0x80] + VERSION + text[0x88:],
                                  sections=[(".gopclntab", SHT_PROGBITS, pcl, False, 0, 0)],
                                  data=scan_data))

# ---- converters ---------------------------------------------------------------
def linux_dirent(ino, off, dtype, name):
    n = name.encode() + b"\0"
    reclen = (19 + len(n) + 7) & ~7
    return struct.pack("<QqHB", ino, off, reclen, dtype) + n + b"\0" * (reclen - 19 - len(n))


ents = linux_dirent(2, 1, 4, ".") + linux_dirent(1, 2, 4, "..") + \
    linux_dirent(1 << 40, 3, 8, "a-file-with-a-longer-name") + linux_dirent(7, 4, 10, "l")
put("fuzz_abi_dirent", "fbsd12", bytes([0]) + struct.pack("<H", 4096) + ents)
put("fuzz_abi_dirent", "fbsd11-short", bytes([1]) + struct.pack("<H", 40) + ents)


def fbsd_cmsg(level, ctype, data):
    h = struct.pack("<III", 12 + 4 + len(data), level, ctype) + b"\0" * 4 + data
    return h + b"\0" * (-len(h) % 8)


def linux_cmsg(level, ctype, data):
    h = struct.pack("<QII", 16 + len(data), level, ctype) + data
    return h + b"\0" * (-len(h) % 8)


fb = fbsd_cmsg(0xFFFF, 1, struct.pack("<ii", 3, 4)) + fbsd_cmsg(41, 46, b"\1" * 20) + \
    fbsd_cmsg(0xFFFF, 3, b"\0" * 84)
lx = linux_cmsg(1, 1, struct.pack("<ii", 5, 6)) + linux_cmsg(1, 29, b"\2" * 16) + \
    linux_cmsg(0, 2, struct.pack("<i", 64)) + linux_cmsg(0, 1, b"\x10")
put("fuzz_abi_cmsg", "to-linux", bytes([0, 0]) + fb)
put("fuzz_abi_cmsg", "from-linux", bytes([1, 0]) + lx)

put("fuzz_abi_sockaddr", "in", bytes([0]) + bytes([16, 2]) + b"\x1f\x90\x7f\0\0\1" + b"\0" * 8)
put("fuzz_abi_sockaddr", "in6", bytes([0]) + bytes([28, 28]) + b"\0\x50" + b"\0" * 4 +
    b"\0" * 15 + b"\1" + b"\0" * 4)
put("fuzz_abi_sockaddr", "un", bytes([0]) + bytes([12, 1]) + b"sock.s\0")
put("fuzz_abi_sockaddr", "linux-un", bytes([1]) + struct.pack("<H", 1) + b"/tmp/x\0")
put("fuzz_abi_sockaddr", "linux-in6", bytes([1]) + struct.pack("<HH", 10, 80) + b"\0" * 24)
