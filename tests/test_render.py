"""The HTML view: every entity in its labelled element, values and titles shown, markup inert."""

from __future__ import annotations

import json
import os

import pytest
from browser import dump_dom, entities, needs_chromium, parse

from phogov import predict, render
from phogov.cli import main
from phogov.render import format_number, read_results, write_html

NNBSP = "\u202f"  # digit groups in the view

# A guideline-style article (ANNOTATION.md): an official with two titles, two ORGs,
# an amount in VND and USD, a percentage; plus markup that must stay text.
PAYLOAD = ('<script>document.documentElement.setAttribute("data-pwned","1")</script>'
           '<img src=x onerror="document.documentElement.setAttribute(\'data-pwned\',\'2\')">')
ARTICLE = (
    "Đồng chí Nguyễn Văn An, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Hà Nam chủ trì hội nghị. "
    "Tổng thu ngân sách năm 2024 đạt 1.250 tỷ đồng, tăng 8,5% so với cùng kỳ.\n\n"
    f"Ghi chú {PAYLOAD} trong bài.\n"
    "Sở Tài chính đề xuất chi 45 triệu USD."
)


def _hand_result() -> dict:
    """A result written by hand, with markup in every field a caller controls."""
    s0 = 'Ông <b>Lê</b> "A" & Co, Giám đốc <i>Sở</i>, dự họp.'
    s1 = "Thu đạt 932,7 tỷ đồng <script>alert(1)</script>, tăng 12,7 - 13%."
    start1 = len(s0) + 1
    money = s1.index("932,7 tỷ đồng")
    pct = s1.index("12,7 - 13%")
    return {
        "id": "bài <script>alert('id')</script>",
        "entities": [
            {"start": 4, "end": 19, "text": s0[4:19], "label": "OFFICIAL", "score": 0.91,
             "titles": ["Giám đốc <i>Sở</i>"]},
            {"start": start1 + money, "end": start1 + money + 13, "text": "932,7 tỷ đồng",
             "label": "MONEY", "score": 1.0, "values": [932700000000.0], "unit": "<VND>"},
            {"start": start1 + pct, "end": start1 + pct + 10, "text": "12,7 - 13%",
             "label": "PERCENT", "score": 0.5, "values": [12.7, 13.0]},
        ],
        "sentences": [
            {"start": 0, "end": len(s0), "text": s0, "topics": [{"label": "EVENT", "score": 0.8}]},
            {"start": start1, "end": start1 + len(s1), "text": s1,
             "topics": [{"label": "ECONOMY", "score": 0.987}, {"label": "<x>", "score": 0.25}]},
        ],
        "topics": [{"label": "ECONOMY", "score": 0.5}, {"label": "EVENT", "score": 0.5}],
    }


def _sentence_texts(root) -> list[str]:
    """What a reader sees of each sentence (badges and tooltips left out)."""
    return [n.text(("ent-label", "ent-tip")) for n in root.find_all(cls="sent-text")]


# --------------------------------------------------------------------------- escaping


def test_markup_in_every_field_stays_text() -> None:
    result = _hand_result()
    page = render(result)
    root = parse(page)
    assert root.find_all("script") == [] and root.find_all("img") == []
    assert root.find_all("b") == [] and root.find_all("i") == []
    # each sentence reads exactly as written, tags and all
    assert _sentence_texts(root) == [s["text"] for s in result["sentences"]]
    assert root.find("h2").text() == "bài <script>alert('id')</script>"
    assert root.find("section").attrs["data-id"] == result["id"]
    official = root.find(cls="ent")
    assert official.attrs["data-label"] == "OFFICIAL"
    assert json.loads(official.attrs["data-titles"]) == ["Giám đốc <i>Sở</i>"]
    assert "titles" in official.find(cls="ent-tip").text()
    assert "Giám đốc <i>Sở</i>" in official.find(cls="ent-tip").text()
    chips = [c.attrs["data-topic"] for c in root.find_all(cls="topic")]
    assert "<x>" in chips


def test_page_is_self_contained() -> None:
    page = render(_hand_result())
    root = parse(page)
    assert root.find_all("script") == [] and root.find_all("link") == []
    assert "http://" not in page and "https://" not in page and "url(" not in page
    csp = [m.attrs["content"] for m in root.find_all("meta")
           if m.attrs.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0] and "script-src" not in csp[0]
    assert root.find("style").text().count("data-label") >= 4  # the label colours are inline


# --------------------------------------------------------------------------- content


def test_every_entity_in_its_labelled_element_with_values_and_titles() -> None:
    result = _hand_result()
    root = parse(render(result))
    assert entities(root) == [(e["label"], e["text"]) for e in result["entities"]]
    for k, e in enumerate(result["entities"]):
        node = root.by_id(f"d0-e{k}")
        assert node.attrs["tabindex"] == "0"  # reachable with the keyboard
        tip = root.by_id(node.attrs["aria-describedby"])
        assert tip.attrs["role"] == "tooltip" and e["label"] in tip.text()
        span = (int(node.attrs["data-start"]), int(node.attrs["data-end"]))
        assert span == (e["start"], e["end"])
    money, percent = root.by_id("d0-e1"), root.by_id("d0-e2")
    # 932,7 tỷ đồng = 932.7 × 10⁹; the unit as given (escaped)
    assert f"932{NNBSP}700{NNBSP}000{NNBSP}000 <VND>" in money.find(cls="ent-tip").text()
    assert json.loads(money.attrs["data-values"]) == [932700000000.0]
    assert money.attrs["data-unit"] == "<VND>"
    assert "12.7, 13 %" in percent.find(cls="ent-tip").text()
    assert "score0.50" in percent.find(cls="ent-tip").text().replace(" ", "")


def test_topics_per_sentence_and_in_the_header() -> None:
    root = parse(render(_hand_result()))
    head = root.find(cls="doc-topics")
    assert [(c.attrs["data-topic"], c.find(cls="score").text()) for c in head.find_all(cls="topic")
            ] == [("ECONOMY", "0.50"), ("EVENT", "0.50")]
    rows = root.find_all(cls="sent")
    assert [[(c.attrs["data-topic"], c.find(cls="score").text()) for c in r.find_all(cls="topic")]
            for r in rows] == [[("EVENT", "0.80")], [("ECONOMY", "0.99"), ("<x>", "0.25")]]


def test_entity_table_lists_values_and_titles() -> None:
    result = _hand_result()
    root = parse(render(result))
    rows = root.find(cls="entities").find_all("tr")[1:]
    cells = [[td.text() for td in r.find_all("td")] for r in rows]
    assert cells[0][2] == '<b>Lê</b> "A" &'
    assert [c[1:4] for c in cells] == [[e["label"], e["text"], f"{e['start']}–{e['end']}"]
                                       for e in result["entities"]]
    assert cells[0][5] == "Giám đốc <i>Sở</i>"
    assert cells[1][5] == f"932{NNBSP}700{NNBSP}000{NNBSP}000 <VND>"


@pytest.mark.parametrize("value, shown", [
    (932700000000.0, f"932{NNBSP}700{NNBSP}000{NNBSP}000"),
    (12.5, "12.5"), (13.0, "13"), (0.0, "0"), (1234.5, f"1{NNBSP}234.5"),
    (float("inf"), "inf"),
])
def test_format_number(value: float, shown: str) -> None:
    assert format_number(value) == shown


def test_predicted_article_shows_every_entity_value_title_and_topic() -> None:
    result = predict(ARTICLE, model="rules")
    root = parse(render(result))
    shown = entities(root)
    assert shown == [(e["label"], e["text"]) for e in result["entities"]]
    # read by hand from the guideline: these must be among them
    for expected in [("OFFICIAL", "Nguyễn Văn An"), ("ORG", "UBND tỉnh Hà Nam"),
                     ("MONEY", "1.250 tỷ đồng"), ("PERCENT", "8,5%"), ("MONEY", "45 triệu USD")]:
        assert expected in shown
    tips = {n.find(cls="ent-text").text(): n.find(cls="ent-tip").text()
            for n in root.find_all(cls="ent")}
    assert f"1{NNBSP}250{NNBSP}000{NNBSP}000{NNBSP}000 VND" in tips["1.250 tỷ đồng"]
    assert f"45{NNBSP}000{NNBSP}000 USD" in tips["45 triệu USD"]
    assert "8.5 %" in tips["8,5%"]
    assert "Phó Bí thư Tỉnh ủy" in tips["Nguyễn Văn An"]
    assert "Chủ tịch UBND tỉnh Hà Nam" in tips["Nguyễn Văn An"]
    assert _sentence_texts(root) == [s["text"] for s in result["sentences"]]
    rows = root.find_all(cls="sent")
    for row, sent in zip(rows, result["sentences"]):
        assert [c.attrs["data-topic"] for c in row.find_all(cls="topic")] == [
            t["label"] for t in sent["topics"]]
    assert root.find_all("script") == [] and root.find_all("img") == []


# --------------------------------------------------------------------------- many documents


def test_list_gives_an_index_with_one_section_per_document() -> None:
    a = dict(predict("Chủ tịch UBND tỉnh Nguyễn Văn Bình dự họp.", model="rules"), id="vb-1")
    b = predict("Thu ngân sách tăng 5%.", model="rules")
    root = parse(render([a, b]))
    sections = root.find_all("section")
    assert [s.attrs["id"] for s in sections] == ["d0", "d1"]
    assert [s.find("h2").text() for s in sections] == ["vb-1", "Document 2"]
    assert [a_.attrs["href"] for a_ in root.find("nav").find_all("a")] == ["#d0", "#d1"]
    assert entities(sections[1]) == [("PERCENT", "5%")]
    assert root.find("h1").text() == "2 documents"
    assert parse(render([])).find("h1").text() == "0 documents"


# --------------------------------------------------------------------------- bad input


def test_inconsistent_results_are_refused() -> None:
    r = _hand_result()
    r["entities"][0]["text"] = "someone else"
    with pytest.raises(ValueError, match="entity 0 .* says 'someone else'"):
        render(r)
    r = _hand_result()
    r["entities"][1]["start"] -= 200
    with pytest.raises(ValueError, match="entity 1 .*lies in no sentence"):
        render(r)
    r = _hand_result()
    r["entities"].append(dict(r["entities"][1], start=r["entities"][1]["start"] + 2, text=None))
    r["entities"][-1].pop("text")
    with pytest.raises(ValueError, match="overlaps"):
        render(r)
    with pytest.raises(ValueError, match="result 1: .*'sentences'"):
        render([_hand_result(), {"entities": []}])
    with pytest.raises(TypeError):
        render("not a result")


# --------------------------------------------------------------------------- files and CLI


def test_write_html_is_atomic(tmp_path) -> None:
    out = tmp_path / "view.html"
    write_html(_hand_result(), out)
    before = out.read_text(encoding="utf-8")
    bad = _hand_result()
    bad["entities"][0]["start"] = 10_000
    with pytest.raises(ValueError):
        write_html(bad, out)
    assert out.read_text(encoding="utf-8") == before
    assert sorted(os.listdir(tmp_path)) == ["view.html"]


def test_cli_predict_html(tmp_path, capsys) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.html"
    assert main(["predict", "--file", str(article), "--model", "rules", "--json",
                 "--html", str(out)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result == predict(ARTICLE, model="rules")
    root = parse(out.read_text(encoding="utf-8"))
    assert entities(root) == [(e["label"], e["text"]) for e in result["entities"]]
    page_text = root.text()
    for e in result["entities"]:
        for title in e.get("titles", []):
            assert title in page_text
        for v in e.get("values", []):
            assert format_number(v) in page_text
    head = root.find(cls="doc-topics")
    assert [(c.attrs["data-topic"], c.find(cls="score").text()) for c in head.find_all(cls="topic")
            ] == [(t["label"], f"{t['score']:.2f}") for t in result["topics"]]


def test_cli_render_corpus_lines(tmp_path) -> None:
    lines = tmp_path / "out.jsonl"
    docs = [dict(predict(t, model="rules"), id=i) for i, t in
            [("a<1>", "UBND tỉnh Hà Nam họp."), ("b2", "Tăng 3%.")]]
    lines.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs),
                     encoding="utf-8")
    out = tmp_path / "index.html"
    assert main(["render", str(lines), "--out", str(out)]) == 0
    root = parse(out.read_text(encoding="utf-8"))
    assert [s.find("h2").text() for s in root.find_all("section")] == ["a<1>", "b2"]
    assert entities(root) == [("ORG", "UBND tỉnh Hà Nam"), ("PERCENT", "3%")]


def test_read_results_names_the_bad_line(tmp_path, capsys) -> None:
    lines = tmp_path / "out.jsonl"
    good = json.dumps(predict("Tăng 3%.", model="rules"))
    lines.write_text(good + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"out\.jsonl:2: bad JSON"):
        read_results(lines)
    lines.write_text(good + "\n" + good + "\n[1]\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"out\.jsonl:3: expected a JSON object"):
        read_results(lines)
    assert main(["render", str(lines), "--out", str(tmp_path / "x.html")]) == 2
    assert "out.jsonl:3:" in capsys.readouterr().err


# --------------------------------------------------------------------------- a real browser


@needs_chromium
def test_chromium_shows_every_entity_and_keeps_markup_inert(tmp_path) -> None:
    result = predict(ARTICLE, model="rules")
    page = tmp_path / "view.html"
    write_html(result, page)
    root = parse(dump_dom(page.as_uri()))
    assert entities(root) == [(e["label"], e["text"]) for e in result["entities"]]
    html_el = root.find("html")
    assert "data-pwned" not in html_el.attrs  # neither the script nor the onerror ran
    assert root.find_all("script") == [] and root.find_all("img") == []
    assert any(PAYLOAD in t for t in _sentence_texts(root))
    assert len(root.find_all(cls="ent-tip")) == len(result["entities"])
