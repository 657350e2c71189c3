"""The HTML review page: content, escaping, accessibility, and the page in a real browser."""

import base64
import fcntl
import hashlib
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path

import lxml.html
import polib
import pytest
from support import ROOT, SEED, run_cli, sentence_entry

from termweave.catalog.identity import context_of
from termweave.check import Finding
from termweave.formats.po import Catalog, Message
from termweave.glossary import load_glossary
from termweave.glossary.match import TermHit
from termweave.review import (
    BADGES,
    MUTED_TEXT,
    PAGE_BACKGROUND,
    PALETTE,
    STRIPE_BACKGROUND,
    TEXT_COLOUR,
    build_report_html,
    colour_index,
    contrast_ratio,
    mark_text,
)
from termweave.segment import parse_seed

ARTEFACTS = ROOT / "build" / "test-artefacts"
EVIL_ID = 'evil"><svg onload=alert(3)>'
GLOSSARY_CSV = (
    "id,en,uk,ko,uk_forbidden,ko_forbidden,note\n"
    "dprk,DPRK|North Korea,КНДР|Північна Корея,북한,,북조선,One state.\n"
    "russia,Russia,Росія,러시아,,,\n"
    f'"{EVIL_ID.replace(chr(34), chr(34) * 2)}",villains,лиходій,악당,,,"<script>alert(""note"")</script>"\n'
)
SCRIPT_MSGSTR = "Альянс лиходіїв <script>window.pwned=1</script>"
IMG_MSGSTR = '악당들의 동맹 "><img src=x onerror="window.pwned=2">'


@pytest.fixture(scope="module")
def doc():
    return parse_seed(SEED, "en")


@pytest.fixture(scope="module")
def glossary(tmp_path_factory):
    path = tmp_path_factory.mktemp("glossary") / "terms.csv"
    path.write_text(GLOSSARY_CSV, encoding="utf-8")
    return load_glossary(path, ("en", "uk", "ko"))


def catalogs_for(doc):
    special = {
        ("uk", "title"): SCRIPT_MSGSTR,
        ("ko", "title"): IMG_MSGSTR,
        ("uk", "abstract.p1.s1"): "Відносини між КНДР і Росією.",
        ("ko", "abstract.p1.s1"): "북조선과 러시아의 관계.",
        ("uk", "abstract.p2.s1"): "",
    }
    catalogs = {}
    for lang in ("uk", "ko"):
        po = Catalog(
            header=Message(msgid="", msgstr=f"Language: {lang}\n"), path=Path(f"/somewhere/translations/{lang}.po")
        )
        for number, seg in enumerate(doc.translatable()):
            po.messages.append(
                Message(
                    msgctxt=context_of(seg),
                    msgid=seg.text,
                    msgstr=special.get((lang, seg.id), f"{lang} {seg.id}"),
                    flags=["fuzzy"] if (lang, seg.id) == ("uk", "keywords") else [],
                    line=10 + 5 * number,
                )
            )
        catalogs[lang] = po
    return catalogs


def findings_for(doc):
    ko_text = "북조선과 러시아의 관계."
    return {
        "uk": [
            Finding(
                "uk.po",
                40,
                None,
                doc.get("abstract.p1.s1").text,
                "number-mismatch",
                "error",
                None,
                "2024–2025 missing <in> the translation",
            )
        ],
        "ko": [
            Finding(
                "ko.po",
                41,
                None,
                doc.get("abstract.p1.s1").text,
                "term-forbidden",
                "error",
                "dprk",
                "forbidden variant 북조선",
                span=(0, 3),
                msgstr=ko_text,
            ),
            Finding("ko.po", 90, None, doc.get("abstract.p3.s2").text, "quotes", "warning", None, "quotation marks"),
            Finding("ko.po", 300, "gone", "Obsolete", "whitespace", "warning", None, "not in the seed"),
        ],
    }


@pytest.fixture(scope="module")
def page(doc, glossary):
    return build_report_html([doc], catalogs_for(doc), glossary, findings_for(doc), "en", ("uk", "ko"))


@pytest.fixture(scope="module")
def tree(page):
    return lxml.html.document_fromstring(page)


def row(tree, context):
    return tree.xpath(f'//tr[@data-context="{context}"]')[0]


def cell(tree, context, lang):
    return row(tree, context).xpath(f'td[@data-col="{lang}"]')[0]


def test_one_row_per_segment_one_column_per_language(tree, doc):
    rows = tree.xpath('//table[@id="segments"]//tr[contains(@class, "segment")]')
    assert [r.get("data-context") for r in rows] == [s.id for s in doc.segments]
    for r in rows:
        assert [td.get("data-col") for td in r.xpath("td")] == ["en", "uk", "ko"]
    assert [td.get("lang") for td in row(tree, "title").xpath("td")] == ["en", "uk", "ko"]
    assert [th.get("data-col") for th in tree.xpath('//table[@id="segments"]/thead//th[@data-col]')] == [
        "en",
        "uk",
        "ko",
    ]
    # DOI and copyright: once, the source text in every column.
    for context in ("doi", "copyright"):
        texts = {td.xpath('string(p[contains(@class, "text")])') for td in row(tree, context).xpath("td")}
        assert texts == {doc.get(context).text}
        assert "kept as in the source" in cell(tree, context, "uk").text_content()


def test_terms_highlighted_with_one_colour_per_term_in_every_column(tree):
    spans = {
        lang: cell(tree, "abstract.p1.s1", lang).xpath('.//span[@data-term="dprk"]') for lang in ("en", "uk", "ko")
    }
    assert [s[0].text_content() for s in spans.values()] == ["DPRK", "КНДР", "북조선"]
    colour = f"c{colour_index('dprk')}"
    for found in spans.values():
        assert colour in found[0].get("class").split() and found[0].get("tabindex") == "0"
    assert "forbidden" in spans["ko"][0].get("class")  # 북조선 is a forbidden variant
    tip = spans["uk"][0].get("data-tip")
    assert tip.startswith("dprk: ") and "uk: КНДР | Північна Корея" in tip and "ko: 북한" in tip
    legend = tree.get_element_by_id(spans["uk"][0].get("aria-describedby"))
    assert "dprk" in legend.text_content() and "One state." in legend.text_content()
    russia = cell(tree, "abstract.p1.s1", "uk").xpath('.//span[@data-term="russia"]')
    assert russia[0].text_content() == "Росією"  # inflected form found by the Ukrainian matcher


def test_findings_at_their_segment_with_id_and_message(tree):
    uk = cell(tree, "abstract.p1.s1", "uk")
    item = uk.xpath('.//li[@data-check="number-mismatch"]')[0]
    assert "number-mismatch" in item.text_content() and "2024–2025 missing <in> the translation" in item.text_content()
    assert uk.get("data-findings") == "1" and row(tree, "abstract.p1.s1").get("data-findings") == "2"
    ko = cell(tree, "abstract.p1.s1", "ko")
    assert ko.xpath('.//li[@data-check="term-forbidden"]')
    assert [m.text_content() for m in ko.xpath('.//mark[@class="issue"]')] == ["북조선"]  # the finding's span
    assert row(tree, "title").get("data-findings") == "0"
    loose = tree.xpath('//section[contains(@class, "loose")]')[0].text_content()
    assert "not in the seed" in loose and "ko.po:300" in loose


def test_fuzzy_untranslated_badges_and_summary(tree):
    assert cell(tree, "keywords", "uk").xpath('.//span[@class="badge fuzzy"]')
    untranslated = cell(tree, "abstract.p2.s1", "uk")
    assert untranslated.xpath('.//span[@class="badge untranslated"]')
    assert "(no translation)" in untranslated.text_content()
    assert not cell(tree, "title", "uk").xpath('.//span[contains(@class, "badge")]')
    uk, ko = tree.xpath("//tr[@data-summary]")
    cells = [td.text_content() for td in uk.xpath("td")]
    assert cells == ["12", "83% (10)", "1", "1", "1", "0"]
    assert [td.text_content() for td in ko.xpath("td")] == ["12", "100% (12)", "0", "0", "1", "2"]


def test_catalog_and_glossary_text_is_escaped(page, tree):
    assert "<script>window.pwned" not in page and "<img" not in page and "<svg" not in page
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page
    assert tree.xpath("//script") and len(tree.xpath("//script")) == 1  # the page's own
    assert not [a for e in tree.iter() for a in e.attrib if a.lower().startswith("on")]
    assert SCRIPT_MSGSTR in cell(tree, "title", "uk").text_content()
    assert IMG_MSGSTR in cell(tree, "title", "ko").text_content()
    evil = tree.xpath("//span[@data-term]")
    assert EVIL_ID in {e.get("data-term") for e in evil}  # the id survives as an attribute value
    assert '<script>alert("note")</script>' in tree.xpath('//section[contains(@class, "legend")]')[0].text_content()


def test_page_is_self_contained_and_locks_itself_down(page, tree):
    assert not tree.xpath("//link | //img | //iframe | //object | //embed | //*[@src]")
    assert "url(" not in page and "@import" not in page
    assert all(a.get("href").startswith("#") for a in tree.xpath("//a[@href]"))
    csp = tree.xpath('//meta[@http-equiv="Content-Security-Policy"]')[0].get("content")
    assert "default-src 'none'" in csp
    for element, kind in ((tree.xpath("//style")[0], "style"), (tree.xpath("//script")[0], "script")):
        digest = base64.b64encode(hashlib.sha256(element.text.encode("utf-8")).digest()).decode()
        assert f"{kind}-src 'sha256-{digest}'" in csp


def test_same_input_same_page(doc, glossary, page):
    assert build_report_html([doc], catalogs_for(doc), glossary, findings_for(doc), "en", ("uk", "ko")) == page


def test_colours_keep_aa_contrast():
    for background, _ in PALETTE:
        assert contrast_ratio(TEXT_COLOUR, background) >= 4.5, background
    for name, (foreground, background) in BADGES.items():
        assert contrast_ratio(foreground, background) >= 4.5, name
    for background in (PAGE_BACKGROUND, STRIPE_BACKGROUND):
        assert contrast_ratio(MUTED_TEXT, background) >= 4.5
        assert contrast_ratio(TEXT_COLOUR, background) >= 4.5
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert len({colour_index(f"term-{i}") for i in range(200)}) == len(PALETTE)


def test_overlapping_marks_nest_properly(glossary):
    dprk, russia = glossary.get("dprk"), glossary.get("russia")
    text = "DPRK & Russia <x>"
    hits = [TermHit(dprk, "DPRK", 0, 4), TermHit(russia, "Russia", 7, 13), TermHit(dprk, "DPRK", 1, 3)]
    html = mark_text(text, hits, [], spans=[(2, 9), (15, 16)])
    fragment = lxml.html.fragment_fromstring(f"<p>{html}</p>")
    assert fragment.text_content() == text
    assert [s.text_content() for s in fragment.xpath("span")] == ["DPRK", "Russia"]
    assert [m.text_content() for m in fragment.xpath(".//mark")] == ["RK", " & ", "Ru", "x"]


def test_report_command_writes_once(project):
    assert run_cli("report") == 0
    path = project / "translations" / "report.html"
    stamp = path.stat().st_mtime_ns
    assert run_cli("report", "-q") == 0
    assert path.stat().st_mtime_ns == stamp
    assert run_cli("report", "--output", "elsewhere.html") == 0
    assert (project / "elsewhere.html").read_bytes() == path.read_bytes()


# -- the page in Debian's chromium, driven over the DevTools protocol on a pipe ----------------


class Browser:
    """Headless chromium with ``--remote-debugging-pipe`` (no socket, no download)."""

    FLAGS = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-dev-shm-usage",
        "--remote-debugging-pipe",
    ]

    def __init__(self, profile, timeout=60.0):
        executable = shutil.which("chromium")
        assert executable, "Debian's chromium is needed: apt-get install chromium (scripts/test.sh does)"
        self.timeout = timeout
        low_read, self._to_chrome = os.pipe()
        self._from_chrome, low_write = os.pipe()
        # Chromium reads commands on fd 3 and answers on fd 4; move the pipe ends out of the
        # way first so the shell can put them there.
        chrome_read = fcntl.fcntl(low_read, fcntl.F_DUPFD, 10)
        chrome_write = fcntl.fcntl(low_write, fcntl.F_DUPFD, 10)
        os.close(low_read)
        os.close(low_write)
        script = f'exec "$0" "$@" 3<&{chrome_read} 4>&{chrome_write} {chrome_read}<&- {chrome_write}>&-'
        self.process = subprocess.Popen(
            ["bash", "-c", script, executable, *self.FLAGS, f"--user-data-dir={profile}", "about:blank"],
            pass_fds=(chrome_read, chrome_write),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(chrome_read)
        os.close(chrome_write)
        self._buffer, self._id, self.session = b"", 0, None
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": 1400, "height": 1000, "deviceScaleFactor": 1, "mobile": False},
        )

    def send(self, method, params=None):
        self._id += 1
        message = {"id": self._id, "method": method, "params": params or {}}
        if self.session and not method.startswith(("Target.", "Browser.")):
            message["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == self._id:
                    assert "error" not in reply, (method, reply)
                    return reply.get("result", {})
            left = deadline - time.monotonic()
            assert left > 0 and select.select([self._from_chrome], [], [], left)[0], f"chromium silent on {method}"
            chunk = os.read(self._from_chrome, 1 << 20)
            assert chunk, "chromium exited"
            self._buffer += chunk

    def open(self, url):
        self.send("Page.navigate", {"url": url})
        deadline = time.monotonic() + self.timeout
        while not (self.js("location.href") == url and self.js("document.readyState") == "complete"):
            assert time.monotonic() < deadline, f"{url} did not load"
            time.sleep(0.05)

    def js(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    def screenshot(self, path, full_page=False):
        params = {"format": "png"}
        if full_page:
            width, height = self.js("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params.update(
                captureBeyondViewport=True, clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1}
            )
        path.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", params)["data"]))

    def close(self):
        try:
            self.send("Browser.close")
        except AssertionError:
            pass
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_chrome)
        os.close(self._from_chrome)


def break_catalogs(project):
    """A forbidden variant, a fuzzy entry and markup that must never run, in the shipped catalogs."""
    uk_path, ko_path = project / "translations" / "uk.po", project / "translations" / "ko.po"
    uk = polib.pofile(str(uk_path))
    keywords = uk.find("keywords", by="msgctxt")
    assert "Путін" in keywords.msgstr
    keywords.msgstr = keywords.msgstr.replace("Путін", "Путин")
    sentence_entry(uk, "The current nature").flags.append("fuzzy")
    uk.save(str(uk_path))
    ko = polib.pofile(str(ko_path))
    title = ko.find("title", by="msgctxt")
    title.msgstr += ' <script>window.pwned=1</script>"><img src=x onerror="window.pwned=2">'
    ko.save(str(ko_path))
    return title.msgstr


def test_report_in_a_real_browser(project, tmp_path):
    ko_title = break_catalogs(project)
    assert run_cli("report") == 0
    url = (project / "translations" / "report.html").as_uri()
    segments = [s.id for s in parse_seed(project / "seeds" / "alliance-of-villains.txt").segments]
    browser = Browser(tmp_path / "profile")
    try:
        browser.open(url)
        assert browser.js("document.querySelectorAll('#segments tr.segment').length") == len(segments)
        assert (
            browser.js("[...document.querySelectorAll('#segments tr.segment')].map(r => r.dataset.context)") == segments
        )
        assert browser.js(
            "[...document.querySelectorAll('#segments thead th[data-col]')].map(c => c.lang || c.dataset.col)"
        ) == ["en", "uk", "ko"]
        for lang in ("en", "uk", "ko"):
            assert browser.js(f"document.querySelectorAll('td[data-col={lang}] .term').length") > 5, lang
        # The same term, the same colour in the three columns of a row.
        colours = browser.js("""[...document.querySelectorAll('tr[data-context="abstract.p1.s1"] td')].map(
            td => getComputedStyle(td.querySelector('.term[data-term="dprk"]')).backgroundColor)""")
        assert len(colours) == 3 and len(set(colours)) == 1 and colours[0] != "rgba(0, 0, 0, 0)"
        # The broken catalog's finding, at its segment, with its check id.
        finding = browser.js("""(() => { const li = document.querySelector(
            'tr[data-context="keywords"] td[data-col="uk"] li[data-check="term-forbidden"]');
            return li && li.textContent; })()""")
        assert finding and "term-forbidden" in finding and "Путин" in finding
        assert browser.js("""document.querySelector('tr[data-context="abstract.p1.s1"] td[data-col="uk"] .badge.fuzzy')
                          !== null""")
        # Markup from the catalog is text: nothing ran, nothing was created, nothing loaded.
        assert browser.js("typeof window.pwned") == "undefined"
        assert browser.js("document.querySelectorAll('#segments img, #segments script, body script').length") == 1
        assert ko_title in browser.js("""document.querySelector('tr[data-context="title"] td[data-col="ko"] .text')
                                      .textContent""")
        assert browser.js("performance.getEntriesByType('resource').length") == 0
        # Keyboard focus on a highlight shows its glossary entry.
        tip = browser.js("""(() => { const t = document.querySelector('td[data-col="uk"] .term'); t.focus();
            return [document.activeElement === t, t.dataset.term,
                    getComputedStyle(t, '::after').content, getComputedStyle(t, '::after').display]; })()""")
        assert tip[0] and tip[1] in tip[2] and tip[3] != "none"
        # The filter: only rows with findings stay.
        with_findings = browser.js(
            "[...document.querySelectorAll('#segments tr.segment')]"
            ".filter(r => r.dataset.findings !== '0').map(r => r.dataset.context)"
        )
        assert "keywords" in with_findings and len(with_findings) < len(segments)
        browser.js("document.getElementById('only-findings').click()")
        visible = browser.js(
            "[...document.querySelectorAll('#segments tr.segment')]"
            ".filter(r => r.offsetParent !== null).map(r => r.dataset.context)"
        )
        assert visible == with_findings
        assert browser.js("location.hash") == "#only-findings"
        browser.screenshot(tmp_path / "report-findings.png")
        # A language toggled off hides its column.
        browser.js("document.querySelector('input[data-lang-toggle=\"ko\"]').click()")
        assert browser.js(
            "[...document.querySelectorAll('[data-col=\"ko\"]')].every(c => getComputedStyle(c).display === 'none')"
        )
        assert browser.js("location.hash") == "#only-findings&hide-ko"
        # The state can be linked: a fresh load of the fragment applies it.
        browser.open(url + "#hide-en")
        assert browser.js("document.getElementById('only-findings').checked") is False
        assert browser.js("document.querySelector('td[data-col=\"en\"]').offsetParent") is None
        assert browser.js("document.querySelector('td[data-col=\"uk\"]').offsetParent") is not None
        browser.open(url)
        browser.screenshot(tmp_path / "report.png", full_page=True)
    finally:
        browser.close()
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    for name in ("report.png", "report-findings.png"):
        data = (tmp_path / name).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 50_000
        shutil.copy(tmp_path / name, ARTEFACTS / name)


LAYOUT_PROBE = """(() => {
  const vw = window.innerWidth, visible = e => e.offsetParent !== null;
  const inView = r => r.width > 0 && r.left >= 0 && r.right <= vw + 0.5;
  const texts = [...document.querySelectorAll('#segments .text')].filter(visible);
  return {
    vw, scrollWidth: document.documentElement.scrollWidth,
    counts: [...document.querySelectorAll('tr[data-summary] td')]
      .map(td => visible(td) && inView(td.getBoundingClientRect())),
    narrowestText: Math.min(...texts.map(t => t.getBoundingClientRect().width)),
    smallestFont: Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize))),
    clipped: texts.filter(t => t.scrollWidth > t.clientWidth + 1).length,
    diffShown: [...document.querySelectorAll('del.diff, ins.diff')].filter(visible).length,
  };
})()"""


def test_review_page_fits_phone_tablet_and_desktop_and_prints(project, tmp_path):
    seed = project / "seeds" / "alliance-of-villains.txt"
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("The current nature", "The present nature"), encoding="utf-8"
    )
    assert run_cli("update", "-q") == 0 and run_cli("report", "-q") == 0  # a real fuzzy entry, with its diff
    url = (project / "translations" / "report.html").as_uri()
    browser = Browser(tmp_path / "profile")
    try:
        for width in (360, 768, 1400):
            browser.send(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 800},
            )
            browser.open(url)
            probe = browser.js(LAYOUT_PROBE)
            assert probe["vw"] == width and probe["scrollWidth"] <= width, probe
            assert len(probe["counts"]) == 12 and all(probe["counts"]), probe  # 2 languages x 6 counts, on screen
            assert probe["narrowestText"] >= 250 and probe["smallestFont"] >= 14 and probe["clipped"] == 0, probe
            assert probe["diffShown"] >= 2, probe  # the changed words of the fuzzy entry, in view without a click
            browser.screenshot(tmp_path / f"report-{width}.png")
        browser.send("Emulation.setEmulatedMedia", {"media": "print"})
        assert browser.js("['filters'].map(id => getComputedStyle(document.getElementById(id)).display)") == ["none"]
        assert browser.js("getComputedStyle(document.querySelector('.skip')).display") == "none"
        assert browser.js("document.querySelectorAll('#segments tr.segment').length") > 10
        assert browser.js("getComputedStyle(document.querySelector('#segments thead th')).position") == "static"
    finally:
        browser.close()
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    for width in (360, 768, 1400):
        shutil.copy(tmp_path / f"report-{width}.png", ARTEFACTS / f"report-{width}.png")


def test_suppression_flags_are_shown_where_they_silence_a_check(project):
    """English left in a Ukrainian entry is an error; with ``#, ignore-wrong-language,
    ignore-unchanged`` the page says which checks that entry switched off."""
    from termweave.formats.po import load_po, save_po

    uk_po = project / "translations" / "uk.po"
    catalog = load_po(uk_po)
    entry = next(m for m in catalog.messages if m.msgctxt is None and m.msgstr and " " in m.msgid)
    entry.msgstr = entry.msgid
    save_po(catalog, uk_po)
    page = project / "translations" / "report.html"

    def uk_cell():
        run_cli("report", "-q")
        tree = lxml.html.document_fromstring(page.read_text(encoding="utf-8"))
        rows = [r for r in tree.xpath('//tr[contains(@class, "segment")]') if entry.msgid in r.text_content()]
        return rows[0].xpath('td[@data-col="uk"]')[0]

    before = uk_cell()
    assert before.xpath('.//li[@data-check="wrong-language"]')
    assert not before.xpath(".//*[@data-suppressed]")

    entry.flags = [*entry.flags, "ignore-wrong-language", "ignore-unchanged"]
    save_po(catalog, uk_po)
    after = uk_cell()
    assert not after.xpath('.//li[@data-check="wrong-language"]') and not after.xpath('.//li[@data-check="unchanged"]')
    note = after.xpath(".//p[@data-suppressed]")[0]
    assert note.get("data-suppressed") == "wrong-language unchanged"
    assert "ignore-wrong-language" in note.text_content() and "ignore-unchanged" in note.text_content()
    assert "uk.po:" in after.text_content()  # where the flag is to be found
