from unnet_desktop.services.meeting_place import place_text


def test_place_in_words():
    assert place_text("Menara Thamrin, Jakarta", "") == "Menara Thamrin, Jakarta"
    assert place_text("Menara Thamrin, Jakarta", "https://meet.example.org/x") == "Menara Thamrin, Jakarta + online"
    assert place_text("", "https://meet.example.org/x") == "Online"
    assert place_text("Online", "https://meet.example.org/x") == "Online"
    assert place_text("Online (Zoom)", "https://meet.example.org/x") == "Online (Zoom)"
    assert place_text("", "", unknown="Venue to be confirmed") == "Venue to be confirmed"
