"""`without_speakers`: the people of a transcript are no competitors; list matches stay."""

from __future__ import annotations

from jtbd_studio.nlp import Found, speaker_lemmas, without_speakers


def competitor(text: str, score: float) -> Found:
    return Found("competitor", 0, len(text), text, text.lower(), text, score)


def test_discovered_names_of_speakers_go_list_matches_and_other_kinds_stay() -> None:
    found = [
        competitor("Alfi", 0.35),
        competitor("Ben Alfi", 0.45),
        competitor("Bluewhite", 0.35),
        competitor("Alfi", 0.98),  # the study listed it: the researcher's word wins
        Found("friction", 0, 4, "Alfi", "alfi", None, 0.7),
    ]
    kept = without_speakers(found, speaker_lemmas(["Ben Alfi", "Audrow Nash", None]))
    assert [(f.kind, f.text, f.score) for f in kept] == [
        ("competitor", "Bluewhite", 0.35),
        ("competitor", "Alfi", 0.98),
        ("friction", "Alfi", 0.7),
    ]


def test_a_russian_speaker_in_another_case_is_still_a_speaker() -> None:
    found = [competitor("Городничего", 0.55), competitor("Землянике", 0.35), competitor("Битрикса", 0.5)]
    kept = without_speakers(found, speaker_lemmas(["Городничий", "Артемий Филиппович Земляника"]))
    assert [f.text for f in kept] == ["Битрикса"]


def test_a_speaker_spelled_another_way_by_the_transcriber_is_still_a_speaker() -> None:
    # a real Zoom transcript: the speaker "Conor Healy" is addressed as "Connor"
    found = [
        competitor("Connor", 0.35), competitor("Shriharsh", 0.35), competitor("Ken", 0.35),
        competitor("Conrad", 0.35), competitor("Honor", 0.35), competitor("Zoom", 0.59),
    ]
    kept = without_speakers(found, speaker_lemmas(["Conor Healy", "Shreeharsh Kelkar", "Ben"]))
    # one edit from a speaker's name, two in a long one, the same first letter, four letters
    # or more: "Ken" is not "Ben", "Conrad" is two edits from Conor, "Honor" starts otherwise
    assert [f.text for f in kept] == ["Ken", "Conrad", "Honor", "Zoom"]


def test_no_speakers_no_change() -> None:
    found = [competitor("Alfi", 0.35)]
    assert without_speakers(found, speaker_lemmas([])) == found
    assert without_speakers(found, speaker_lemmas([None, ""])) == found


def test_found_survives_pickling() -> None:
    # extract_many's worker processes send their Found lists back pickled (the compiled class
    # has no instance dict: pickle's default state setting failed on it)
    import pickle

    from jtbd_studio.nlp import extract

    found = extract("Мы ушли с Битрикса, потому что всё было долго и дорого.", lang="ru")
    assert found and pickle.loads(pickle.dumps(found)) == found


def test_a_competitor_list_survives_pickling() -> None:
    # extract_many sends the study's list to its worker processes
    import pickle

    from jtbd_studio.nlp import competitors_from

    listed = competitors_from([("Битрикс24", ["Bitrix24", "битрикс"]), ("HubSpot", [])])
    again = pickle.loads(pickle.dumps(listed))
    assert again == listed and hash(again) == hash(listed)
