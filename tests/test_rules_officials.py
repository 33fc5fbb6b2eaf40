"""OFFICIAL weak labels (``phogov.rules.officials``), checked by hand against ANNOTATION.md."""

from __future__ import annotations

from phogov.normalize import normalize
from phogov.rules.officials import DocMemory, find


def _names(text: str, memory: DocMemory | None = None) -> list[str]:
    return [s.text for s in find(text, memory if memory is not None else DocMemory())]


def test_dong_chi_name_span_excludes_dong_chi_and_titles() -> None:
    text = (
        "Đồng chí Vũ Quyết Tiến, Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Thành ủy "
        "chủ trì hội nghị."
    )
    [span] = find(text, DocMemory())
    assert (span.start, span.end, span.label) == (9, 22, "OFFICIAL")
    assert span.text == "Vũ Quyết Tiến"
    assert span.titles == ["Ủy viên Ban Thường vụ Tỉnh ủy", "Bí thư Thành ủy"]


def test_list_of_officials_each_with_own_titles() -> None:
    text = (
        "Cùng dự có các đồng chí: Nguyễn Văn Tùng, Phó Bí thư Thành ủy, Chủ tịch UBND thành phố; "
        "Đỗ Mạnh Hiến, Phó Bí thư Thường trực Thành ủy."
    )
    spans = find(text, DocMemory())
    assert [(s.text, s.titles) for s in spans] == [
        ("Nguyễn Văn Tùng", ["Phó Bí thư Thành ủy", "Chủ tịch UBND thành phố"]),
        ("Đỗ Mạnh Hiến", ["Phó Bí thư Thường trực Thành ủy"]),
    ]


def test_list_without_titles() -> None:
    text = "Tham dự có các đồng chí: Nguyễn Văn Hải, Trần Thị Lan và Lê Minh Đức."
    assert _names(text) == ["Nguyễn Văn Hải", "Trần Thị Lan", "Lê Minh Đức"]


def test_title_before_name_and_place_inside_title() -> None:
    spans = find("Chủ tịch UBND tỉnh Quảng Ninh Nguyễn Văn Đọc phát biểu.", DocMemory())
    assert [(s.text, s.titles) for s in spans] == [
        ("Nguyễn Văn Đọc", ["Chủ tịch UBND tỉnh Quảng Ninh"])
    ]
    spans = find("Phó Chủ tịch UBND tỉnh Hà Giang Lê Văn Bình cho biết.", DocMemory())
    assert [s.text for s in spans] == ["Lê Văn Bình"]


def test_place_after_title_is_not_a_person() -> None:
    assert _names("Chủ tịch UBND tỉnh Quảng Ninh phát biểu khai mạc.") == []
    assert _names("Bí thư Tỉnh ủy Hà Nam chủ trì hội nghị.") == []
    assert _names("Chủ tịch UBND huyện Mai Sơn cho biết như vậy.") == []


def test_later_bare_mention_is_tagged() -> None:
    memory = DocMemory()
    first = find("Đồng chí Vũ Đại Thắng, Ủy viên TW Đảng, Bí thư Tỉnh ủy phát biểu.", memory)
    assert [s.text for s in first] == ["Vũ Đại Thắng"]
    later = find("Hội nghị ghi nhận ý kiến chỉ đạo của Vũ Đại Thắng về công tác cán bộ.", memory)
    assert [(s.text, s.titles) for s in later] == [("Vũ Đại Thắng", [])]


def test_short_later_mention_with_ong_is_tagged() -> None:
    memory = DocMemory()
    find("Ông Nguyễn Anh Tuấn, Giám đốc Sở Tài chính cho biết thu ngân sách tăng.", memory)
    text = "Theo ông Tuấn, kết quả này rất đáng ghi nhận."
    [span] = find(text, memory)
    assert (span.text, span.start, span.titles) == ("Tuấn", text.index("Tuấn"), [])


def test_memory_is_per_document() -> None:
    find("Ông Nguyễn Anh Tuấn, Giám đốc Sở Tài chính cho biết.", DocMemory())
    assert _names("Theo ông Tuấn, kết quả này rất đáng ghi nhận.", DocMemory()) == []


def test_ong_ba_without_title_is_a_private_citizen() -> None:
    memory = DocMemory()
    assert _names("Ông Võ Văn Săn cho biết số gà vịt đều được chôn sau nhà.", memory) == []
    assert _names("Theo ông Săn, hố chôn này đã bốc mùi.", memory) == []
    assert _names("Bà Nguyễn Thị Ngân, một cư dân trong ấp, than vãn.", memory) == []


def test_ong_ba_with_title_is_an_official() -> None:
    spans = find("Bà Ngô Thị Thanh Hường, Phó Chủ tịch UBND TP Hà Nội, cho biết.", DocMemory())
    assert [(s.text, s.titles) for s in spans] == [
        ("Ngô Thị Thanh Hường", ["Phó Chủ tịch UBND TP Hà Nội"])
    ]


def test_bylines_and_photo_credits_are_not_officials() -> None:
    memory = DocMemory()
    find("Đồng chí Vũ Thị Mai Anh, Phó Bí thư TT Thành ủy phát biểu.", memory)
    assert _names("Thu Hường", memory) == []
    assert _names("Hoàng Tùng.", memory) == []
    assert _names("Ảnh: Đàm Thanh", memory) == []


def test_capitalised_words_and_bodies_are_not_names() -> None:
    assert _names("Quốc phòng, an ninh được giữ vững, trật tự kỷ cương xã hội được đảm bảo.") == []
    assert _names("Đồng chí Bí thư Tỉnh ủy ghi nhận, biểu dương nỗ lực của Đảng bộ.") == []
    assert _names("Hiệu trưởng Trường THPT Lê Quý Đôn cho biết học sinh đã nhập học.") == []
    assert _names("Bí thư Đoàn Thanh niên xã phát biểu.") == []


def test_ho_chi_minh_is_not_tagged() -> None:
    # Documented decision: a historical figure cited as a symbol, not a current office holder.
    assert _names("Học tập và làm theo tư tưởng, đạo đức, phong cách Chủ tịch Hồ Chí Minh.") == []


def test_street_named_after_a_person_after_capital_ba() -> None:
    assert _names("Trụ sở mới nằm trên đường Bà Triệu, quận Hai Bà Trưng.") == []


def test_gold_officials_exact(gold: list[dict]) -> None:
    """Every gold OFFICIAL span and its titles, documents processed in order."""
    memory, doc = DocMemory(), None
    missed, extra = [], []
    for g in gold:
        if g["doc"] != doc:
            memory, doc = DocMemory(), g["doc"]
        view = normalize(g["text"])
        pred = set()
        for s in find(view.text, memory):
            start, end = view.to_raw(s.start, s.end)
            pred.add((start, end, tuple(s.titles or [])))
        want = {
            (e["start"], e["end"], tuple(e["titles"]))
            for e in g["entities"]
            if e["label"] == "OFFICIAL"
        }
        missed += [(g["doc"], g["sent"], w) for w in want - pred]
        extra += [(g["doc"], g["sent"], p) for p in pred - want]
    assert not missed and not extra, (missed, extra)
