"""Repack Python distributions installed from Debian packages as py3-none-any wheels.

usage: python3 repack.py OUTDIR DEBIAN-PACKAGE...

Runs inside the wheelhouse build (Debian's python3). For each Debian package it takes the files
the package installed under /usr/lib/python3/dist-packages (from `dpkg -L`) and writes one wheel
per Python distribution found there, with fresh .dist-info metadata. Two fixes make the wheels
usable with an upstream CPython and pip:
  - Debian's .egg-info often lacks the upstream install_requires; MISSING_REQUIRES restores them;
  - version specifiers are dropped from Requires-Dist (the index holds one version per project, and
    Debian's set does not always satisfy upstream's pins, e.g. fastapi 0.92 wants starlette<0.26).
Only pure-Python packages are repacked: a file ending in .so aborts the run.
"""
import base64
import csv
import email.parser
import hashlib
import io
import os
import re
import subprocess
import sys
import zipfile
from importlib.metadata import Distribution

SITE = "/usr/lib/python3/dist-packages/"

# Upstream requirements missing from Debian's metadata (checked against each project's
# setup.cfg/pyproject at these versions).
MISSING_REQUIRES = {
    "anyio": ["idna", "sniffio"],
    "uvicorn": ["asgiref", "click", "h11"],
    "pydantic": ["typing-extensions"],
    "gunicorn": ["setuptools"],
    "starlette": ["anyio"],
    "fastapi": ["pydantic", "starlette"],
}


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def strip_specifier(req):
    """'h11 (>=0.8) ; extra == "x"' or 'h11>=0.8; extra == "x"' -> 'h11; extra == "x"'."""
    spec, _, marker = req.partition(";")
    m = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?", spec)
    if not m:
        raise SystemExit(f"repack: cannot parse requirement {req!r}")
    out = m.group(1) + (m.group(2) or "")
    return f"{out}; {marker.strip()}" if marker.strip() else out


def record_hash(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def repack(meta_path, files, outdir):
    if os.path.isdir(meta_path):
        dist = Distribution.at(meta_path)
        pkg_info = dist.read_text("METADATA") or dist.read_text("PKG-INFO")
        requires = list(dist.requires or [])
        entry_points = dist.read_text("entry_points.txt")
        top_level = dist.read_text("top_level.txt")
    else:  # a single-file .egg-info is just PKG-INFO
        with open(meta_path, encoding="utf-8") as f:
            pkg_info = f.read()
        requires, entry_points, top_level = [], None, None
    headers = email.parser.Parser().parsestr(pkg_info)
    name, version = headers["Name"], headers["Version"]
    reqs, seen = [], set()
    for req in requires + MISSING_REQUIRES.get(normalize(name), []):
        req = strip_specifier(req)
        key = (normalize(re.split(r"[\[;\s]", req)[0]), req.partition(";")[2].strip())
        if key not in seen:
            seen.add(key)
            reqs.append(req)
    metadata = [f"Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}"]
    if headers["Summary"]:
        metadata.append(f"Summary: {headers['Summary']}")
    for extra in headers.get_all("Provides-Extra") or []:
        metadata.append(f"Provides-Extra: {extra}")
    extras = set(re.findall(r'extra\s*==\s*["\']([^"\']+)', " ".join(reqs)))
    for extra in sorted(extras - set(headers.get_all("Provides-Extra") or [])):
        metadata.append(f"Provides-Extra: {extra}")
    metadata += [f"Requires-Dist: {r}" for r in reqs]
    wheel_name = re.sub(r"[-_.]+", "_", name)
    info = f"{wheel_name}-{version}.dist-info"
    entries = {}
    for path in files:
        rel = path[len(SITE):]
        if "__pycache__" in rel or rel.endswith(".pyc"):
            continue
        if rel.endswith(".so"):
            raise SystemExit(f"repack: {rel} is compiled; only pure-Python packages can be repacked")
        with open(path, "rb") as f:
            entries[rel] = f.read()
    entries[f"{info}/METADATA"] = ("\n".join(metadata) + "\n").encode()
    entries[f"{info}/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: shipshape-repack\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    if entry_points:
        entries[f"{info}/entry_points.txt"] = entry_points.encode()
    if top_level:
        entries[f"{info}/top_level.txt"] = top_level.encode()
    record = io.StringIO()
    writer = csv.writer(record, lineterminator="\n")
    for rel in sorted(entries):
        writer.writerow([rel, record_hash(entries[rel]), len(entries[rel])])
    writer.writerow([f"{info}/RECORD", "", ""])
    entries[f"{info}/RECORD"] = record.getvalue().encode()
    target = os.path.join(outdir, f"{wheel_name}-{version}-py3-none-any.whl")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for rel in sorted(entries):
            # fixed timestamps: the same Debian files give the same wheel bytes
            zi = zipfile.ZipInfo(rel, date_time=(1980, 1, 1, 0, 0, 0))
            zi.external_attr = 0o644 << 16
            zi.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(zi, entries[rel])
    print(f"repack: {os.path.basename(target)} ({len(entries)} files, requires: {', '.join(reqs) or '-'})")


def main():
    outdir, packages = sys.argv[1], sys.argv[2:]
    os.makedirs(outdir, exist_ok=True)
    for package in packages:
        listed = subprocess.run(["dpkg", "-L", package], check=True, capture_output=True, text=True).stdout.split("\n")
        paths = [p for p in listed if p.startswith(SITE)]
        tops = {p[len(SITE):].split("/")[0] for p in paths}
        metas = sorted(SITE + t for t in tops if re.search(r"\.(egg|dist)-info$", t))
        if not metas:
            raise SystemExit(f"repack: {package} installs no Python distribution metadata")
        files = [p for p in paths if os.path.isfile(p) and not any(p == m or p.startswith(m + "/") for m in metas)]
        for meta in metas:
            mine = files
            if len(metas) > 1:  # several distributions in one package: split by their top-level names
                names = (Distribution.at(meta).read_text("top_level.txt") or "").split() if os.path.isdir(meta) else []
                mine = [p for p in files if p[len(SITE):].split("/")[0].removesuffix(".py") in names]
            repack(meta, mine, outdir)


if __name__ == "__main__":
    main()
