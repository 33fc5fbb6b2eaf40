"""Document coreference for officials (``phogov.rules.coref``), per ANNOTATION.md.

A later mention of someone presented as an official earlier in the same document
(or earlier in the sentence) is tagged: by given name or family name, after
``ông``/``bà``/``anh``/``chị``/``đồng chí`` or bare. ``ông``/``bà`` are never part
of the span. Examples are written for these tests.
"""

from __future__ import annotations

from phogov.rules.coref import DocMemory
from phogov.rules.officials import find


def _doc(*sentences: str) -> list[list[tuple[str, list[str], str]]]:
    """Spans of each sentence of one document: (text, titles, source)."""
    memory = DocMemory()
    return [[(s.text, s.titles or [], s.source) for s in find(t, memory)] for t in sentences]


def test_given_name_after_ong_span_excludes_ong() -> None:
    memory = DocMemory()
    find("Ông Nguyễn Khắc Thọ, Phó Giám đốc Sở Xây dựng, trình bày tờ trình.", memory)
    text = "Theo ông Thọ, khung giá cần được xem xét thêm."
    [span] = find(text, memory)
    assert (span.start, span.end, span.text, span.titles) == (9, 12, "Thọ", [])
    assert span.source == "officials.coref"


def test_two_syllable_short_form_after_ba() -> None:
    spans = _doc(
        "Phó Chủ tịch UBND tỉnh Nguyễn Thị Thu Hằng chủ trì cuộc họp.",
        "Cuộc họp có sự tham dự của bà Thu Hằng và các sở ngành.",
    )
    assert spans[1] == [("Thu Hằng", [], "officials.coref")]


def test_short_form_after_anh_and_chi() -> None:
    spans = _doc(
        "Chị Lê Thị Mai, Phó Chủ tịch UBND xã, cho biết đường đã làm xong.",
        "Theo chị Mai, người dân đã hiến đất.",
    )
    assert spans[1] == [("Mai", [], "officials.coref")]


def test_given_name_after_a_title() -> None:
    spans = _doc(
        "Thứ trưởng Bộ Giao thông vận tải Nguyễn Việt Hà đã giải trình với đoàn giám sát.",
        "Thứ trưởng Hà thừa nhận một phần trách nhiệm.",
    )
    assert spans[1] == [("Hà", ["Thứ trưởng"], "officials.coref")]


def test_family_name_only_after_a_trigger() -> None:
    spans = _doc(
        "Chủ tịch Trung Quốc Hồ Cẩm Đào tiếp đoàn đại biểu Việt Nam.",
        "Ông Hồ khẳng định quan hệ hai nước phát triển tốt.",
        "Hồ Tây là điểm đến của nhiều du khách.",
    )
    assert spans[1] == [("Hồ", [], "officials.coref")]
    assert spans[2] == []


def test_foreign_short_forms_bare_and_after_ong() -> None:
    spans = _doc(
        "Thủ tướng Thái Lan Somchai Wongsawat tuyên bố không từ chức.",
        "Sự ủng hộ dành cho chính phủ Somchai đã giảm mạnh.",
        "Ông Wongsawat cho biết sẽ đối thoại với phe biểu tình.",
        "Thủ tướng Somchai sẽ sang thăm Nhật Bản.",
    )
    assert spans[0] == [("Somchai Wongsawat", ["Thủ tướng Thái Lan"], "officials.title_before")]
    assert spans[1] == [("Somchai", [], "officials.coref")]
    assert spans[2] == [("Wongsawat", [], "officials.coref")]
    assert spans[3] == [("Somchai", ["Thủ tướng"], "officials.coref")]


def test_another_foreigner_with_the_same_family_name_is_not_the_official() -> None:
    spans = _doc(
        "Bộ trưởng Văn hóa Thái Lan Uraiwan Thienthong tuyên bố từ chức.",
        "Chồng bà là Snoh Thienthong, một doanh nhân.",
    )
    assert spans[1] == []


def test_a_short_mention_before_the_full_one_in_the_same_sentence() -> None:
    spans = _doc(
        "Biểu tình thách thức quyền lực Somchai, nhưng Thủ tướng Thái Lan Somchai Wongsawat "
        "tuyên bố không từ chức."
    )
    assert [s[0] for s in spans[0]] == ["Somchai", "Somchai Wongsawat"]


def test_private_citizens_stay_untagged_later() -> None:
    spans = _doc(
        "Ông Võ Văn Săn cho biết gia đình ông đã tiêu hủy đàn gà.",
        "Theo ông Săn, hố chôn đã được khử trùng.",
        "Giám đốc Sở Nông nghiệp Lê Văn Minh đã đến kiểm tra.",
        "Ông Săn cảm ơn ông Minh.",
    )
    assert spans[0] == [] and spans[1] == []
    assert spans[3] == [("Minh", [], "officials.coref")]


def test_short_form_inside_a_body_name_is_not_a_mention() -> None:
    spans = _doc(
        "Ông Nguyễn Thanh Vân, Giám đốc Bệnh viện Thẩm mỹ Thanh Vân, cho biết.",
    )
    assert spans[0] == [("Nguyễn Thanh Vân", ["Giám đốc Bệnh viện Thẩm mỹ Thanh Vân"],
                         "officials.title_after")]


def test_memory_short_forms() -> None:
    memory = DocMemory()
    memory.add("Nguyễn Thị Thu Hằng")
    memory.add("Jean-Pierre Jouyet")
    assert memory.knows("Hằng") and memory.knows("Thu Hằng")
    assert not memory.knows("Nguyễn") and memory.knows("Nguyễn", after_trigger=True)
    assert memory.knows("Jouyet") and memory.knows("Jean-Pierre")
    assert memory.bare == {"Jouyet", "Jean-Pierre"}
    memory.add("Tuấn")  # a short mention adds nothing
    assert "Tuấn" not in memory.names


def test_bare_given_name_of_an_official() -> None:
    """Guideline: a later bare mention of an official is still OFFICIAL; a given name
    standing alone mid-sentence, or opening a sentence before a subject's verb."""
    spans = _doc(
        "Giám đốc Sở Tài chính Trần Văn Dũng đã bị bắt.",
        "Viện kiểm sát phê chuẩn lệnh tạm giam đối với Dũng.",
        "Dũng khai đã nhận tiền.",
        "Dũng cảm là đức tính cần có.",  # a word, not the man
        "Người dân xã Văn Dũng phấn khởi.",  # a place
    )
    assert spans[1] == [("Dũng", [], "officials.coref")]
    assert spans[2] == [("Dũng", [], "officials.coref")]
    assert spans[3] == [] and spans[4] == []


def test_bare_given_names_that_are_regions_countries_or_pronouns() -> None:
    """``miền Nam`` is a region, ``thăm Anh`` a country, ``Anh đã nói`` a pronoun, even
    with officials named Nam and Anh in the story."""
    spans = _doc(
        "Giám đốc Sở Tài chính Nguyễn Văn Nam phát biểu.",
        "Các tỉnh miền Nam bị hạn nặng.",
        "Bộ trưởng Lê Hồng Anh cho biết.",
        "Thủ tướng sẽ thăm Anh vào tháng tới.",
        "Anh đã nói với tôi như vậy.",
    )
    assert spans[1] == [] and spans[3] == [] and spans[4] == []


def test_bare_given_name_shared_with_a_private_citizen_is_left_alone() -> None:
    """Two people named Chi in one story (a businessman and an official): a bare ``Chi``
    could be either, so it is not tagged."""
    spans = _doc(
        "Doanh nhân Nguyễn Đức Chi gặp Phó Giám đốc Sở Tài chính Phạm Văn Chi.",
        "Sau đó, Chi nộp 2 tỉ đồng.",
    )
    assert [s[0] for s in spans[0]] == ["Phạm Văn Chi"]
    assert spans[1] == []


def test_a_given_name_that_starts_a_compound_is_not_a_mention() -> None:
    """``Quốc hội`` written after an official named ``… Quốc``: one capital, then the
    second syllable of the compound; the name is not taken there."""
    spans = _doc(
        "Đại biểu Trần Viết Quốc chất vấn Bộ trưởng.",
        "Bộ trưởng đã báo cáo với Quốc hội về việc này.",
        "Theo ý kiến của Quốc, việc này cần làm rõ.",
    )
    assert spans[1] == []
    assert spans[2] == [("Quốc", [], "officials.coref")]


def test_southern_nickname_of_a_known_official() -> None:
    """A birth-order word and the given name (``ông Sáu Bi``) after ``ông``/``bà`` is the
    official presented earlier (NOTES: the nickname ``Ba Sương`` is tagged); a stranger's
    nickname with another given name is not."""
    doc = _doc(
        "Ông Huỳnh Hiếu Bi, Bí thư Huyện ủy, có nhiều khuất tất.",
        "Năm 1998 ông Sáu Bi mua lô đất với giá rẻ.",
        "Ông Ba Hùng bán hàng ở chợ.",
    )
    assert [m[0] for m in doc[1]] == ["Sáu Bi"]
    assert doc[2] == []
    assert _doc("Ông Sáu Bi bán hàng ở chợ.") == [[]]  # nobody presented: a private person


def test_a_household_nickname_is_a_private_family() -> None:
    """``gia đình ông Ba Hai``: a household, not the official Nguyễn Văn Hai."""
    doc = _doc("Phó chủ tịch UBND tỉnh Nguyễn Văn Hai chỉ đạo cứu trợ.",
               "Gia đình ông Ba Hai ở xã Tân Lập được hỗ trợ.")
    assert doc[1] == []
