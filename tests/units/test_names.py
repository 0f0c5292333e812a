from baucu.units.names import clean, match_key, search_key


def test_clean_is_nfc_with_single_spaces():
    decomposed = "Pho\u0302\u0301  Ho\u0300a "
    assert clean(decomposed) == "Phố Hòa"


def test_match_key_ignores_tone_placement_case_and_apostrophes():
    assert match_key("Xã Thuận Hòa") == match_key("xã thuận hoà")
    assert match_key("Thủy") == match_key("THUỶ")
    assert match_key("Ia H’Drai") == match_key("Ia H'Drai")


def test_match_key_keeps_tones_and_letters_apart():
    assert match_key("Hòa") != match_key("Hoa")
    assert match_key("Đông") != match_key("Đồng")


def test_match_key_ignores_spacing_around_dashes():
    assert match_key("Xã Chân Mây - Lăng Cô") == match_key("Xã Chân Mây-Lăng Cô")


def test_search_key_drops_every_diacritic():
    assert search_key("Phường Kỳ Lừa") == "phuong ky lua"
    assert search_key("Đặc khu Côn Đảo") == "dac khu con dao"
