"""Document aliases of the ORG rules (``orgs_doc.OrgMemory``) and their use by the aggregator.

A short name is tagged wherever it recurs once the document has presented it as an
organisation (ANNOTATION.md, ORG: "Tag the organisation's name wherever it occurs"),
also in sentences before the introduction, such as a headline. Documents here are
written for the tests.
"""

from __future__ import annotations

from phogov.normalize import normalize
from phogov.rules import orgs
from phogov.rules.aggregate import label_document
from phogov.rules.orgs_doc import OrgMemory


def _doc(*raw: str) -> list[str]:
    return [normalize(r).text for r in raw]


def _orgs(memory: OrgMemory, text: str) -> list[tuple[str, str]]:
    return [(s.text, s.source) for s in orgs.find(text, memory)]


def test_name_after_a_description_recurs_also_before_it() -> None:
    doc = _doc("Giải quyết xong vụ APTECH", "Trụ sở cơ sở đào tạo quốc tế APTECH ở Hà Nội",
               "Học viên đã nộp tiền cho APTECH.")
    memory = OrgMemory(doc)
    assert memory.aliases == {"APTECH"}
    assert _orgs(memory, doc[0]) == [("APTECH", "orgs.doc_alias")]
    assert _orgs(memory, doc[1]) == [("APTECH", "orgs.generic_head")]
    assert _orgs(memory, doc[2]) == [("APTECH", "orgs.doc_alias")]


def test_bracketed_abbreviation_and_its_short_form_recur() -> None:
    doc = _doc("Tổng công ty Hóa chất Việt Nam (Vinachem VN) báo lỗ", "Năm nay Vinachem nợ nhiều",
               "Hiệp hội Chè Việt Nam (Vitas) đã lên tiếng", "Theo Vitas, giá chè giảm")
    memory = OrgMemory(doc)
    assert memory.aliases == {"Vinachem VN", "Vinachem", "Vitas"}
    assert _orgs(memory, doc[1]) == [("Vinachem", "orgs.doc_alias")]
    assert _orgs(memory, doc[3]) == [("Vitas", "orgs.doc_alias")]


def test_nothing_recurs_without_an_introduction() -> None:
    doc = _doc("APTECH bị đóng cửa", "Tổng sản phẩm trong nước (GDP) tăng", "GDP tăng 8%")
    memory = OrgMemory(doc)
    assert memory.aliases == frozenset()
    assert [orgs.find(t, memory) for t in doc] == [[], [], []]


def test_alias_is_not_tagged_inside_a_person_name_or_an_address() -> None:
    doc = _doc("tập đoàn Vietz mở rộng sản xuất", "ông Eginhard Vietz phát biểu",
               "Liên hệ info@Vietz.com để biết thêm", "Vietzer là một thương hiệu khác")
    memory = OrgMemory(doc)
    assert memory.aliases == {"Vietz"}
    assert [orgs.find(t, memory) for t in doc[1:]] == [[], [], []]


def test_sentence_find_without_memory_is_unchanged() -> None:
    text = normalize("Học viên đã nộp tiền cho APTECH.").text
    assert orgs.find(text) == []


def test_label_document_tags_an_alias_in_the_headline() -> None:
    doc = _doc("APTECH đóng cửa", "Trụ sở cơ sở đào tạo quốc tế APTECH ở Hà Nội")
    results = label_document(doc)
    assert [[(e.text, e.source) for e in r.entities if e.label == "ORG"] for r in results] == [
        [("APTECH", "orgs.doc_alias")],
        [("APTECH", "orgs.generic_head")],
    ]
