"""The question board: detection, automatic rules, near-duplicates, the state machine, undo."""

from __future__ import annotations

import csv
import io
import random
from collections import Counter
from pathlib import Path

from blueroom.core.detect import QuestionRules
from blueroom.core.events import (
    DecisionUndone,
    Event,
    ModerationRulesChanged,
    QuestionArmed,
    QuestionStarred,
    QuestionState,
    QuestionStateChanged,
    TweetReceived,
    decode_event,
    encode_event,
)
from blueroom.core.moderation import Action, ModerationRules
from blueroom.core.questions import QuestionBoard, QueueOrder, QueueQuery, QueueView
from blueroom.core.tweet import Author, Metrics, Tweet
from blueroom.store.export import csv_rows, export_questions

RULES = QuestionRules(
    hashtags=frozenset({"askblueroom"}),
    guest_handles=frozenset({"leamarchand"}),
    room_handles=frozenset({"blueroomfr"}),
)
T0 = 1_790_000_000.0
OLD_ACCOUNT = "2015-01-01T00:00:00.000Z"


def post(
    tweet_id: str,
    text: str,
    *,
    author: str | None = None,
    at: float = T0,
    created: str = OLD_ACCOUNT,
    **more: object,
) -> TweetReceived:
    who = author or f"fan{tweet_id}"
    fields: dict[str, object] = {
        "author": Author(id=f"id-{who}", username=who, name=who.title(), created_at=created),
        "hashtags": ("AskBlueRoom",),
    }
    fields.update(more)
    return TweetReceived(tweet=Tweet(id=tweet_id, text=text, **fields), at=at)  # type: ignore[arg-type]


def retweet(tweet_id: str, of: str, who: str, *, created: str = OLD_ACCOUNT) -> TweetReceived:
    author = Author(id=f"id-{who}", username=who, created_at=created)
    return TweetReceived(
        tweet=Tweet(id=tweet_id, text="RT", author=author, retweet_of=of), at=T0 + 1
    )


def decide(tweet_id: str, state: QuestionState, **more: object) -> QuestionStateChanged:
    return QuestionStateChanged(tweet_id=tweet_id, state=state, at=T0 + 10, **more)  # type: ignore[arg-type]


def board_with(*events: Event, moderation: ModerationRules | None = None) -> QuestionBoard:
    board = QuestionBoard(RULES, moderation)
    board.apply(events)
    return board


def ids(questions: object) -> list[str]:
    return [q.tweet_id for q in questions]  # type: ignore[attr-defined]


def pending(board: QuestionBoard, **query: object) -> list[str]:
    return ids(board.page(QueueQuery(**query)).rows)  # type: ignore[arg-type]


def test_only_questions_addressed_to_the_guest_become_cards() -> None:
    board = board_with(
        post("1", "pourquoi Paris ?"),
        post("2", "pourquoi Lyon ?", hashtags=()),  # not addressed to the guest
        post("3", "on air?", author="BlueRoomFR"),  # the room's own account
        post("4", "Trop bien ce live 😍"),  # not a question
        post("5", "@leamarchand what inspired the album?", hashtags=(), mentions=("leamarchand",)),
    )
    assert pending(board) == ["5", "1"]
    assert board.snapshot().received == 2


def test_retweets_support_the_original_once_per_account() -> None:
    board = board_with(
        post("1", "pourquoi Paris ?", metrics=Metrics(likes=12)),
        retweet("4", "1", "x"),
        retweet("5", "1", "x"),
        retweet("6", "1", "y"),
        retweet("7", "1", "fan1"),  # the asker retweeting their own question
    )
    (card,) = board.page(QueueQuery()).rows
    assert card.supporters == 3  # the asker, x and y
    assert card.retweets == 4 and card.likes == 12
    assert board.snapshot().received == 1


def test_near_duplicates_join_the_first_card_and_count_each_account_once() -> None:
    board = board_with(
        post("1", "Quel est ton film préféré ? #AskBlueRoom"),
        post("2", "quel est ton film prefere??", author="b", at=T0 + 1),
        post("3", "Quel est ton film préféré 😍", author="c", at=T0 + 2),
        post("4", "Quel est ton FILM préféré ?", author="b", at=T0 + 3),  # b again
        post("5", "Quel est ton livre préféré ?", author="d", at=T0 + 4),
    )
    cards = {q.tweet_id: q for q in board.page(QueueQuery()).rows}
    assert set(cards) == {"1", "5"}
    assert cards["1"].asked_by == 4 and cards["1"].supporters == 3  # fan1, b, c
    assert cards["5"].asked_by == 1
    assert board.card_of("3") == "1" and board.card_of("5") == "5"
    retweet_of_duplicate = retweet("9", "3", "z")
    board.apply([retweet_of_duplicate])
    assert board.question("1").supporters == 4  # type: ignore[union-attr]


def test_rules_reject_or_flag_with_a_reason_before_anyone_sees_the_post() -> None:
    board = board_with(
        post("1", "Pourquoi tu chantes comme une m3rdeee ?"),
        post("2", "Tu as vu ça ? https://spam.example/win"),
        post("3", "#AskBlueRoom #Léa #Paris @a @b ?"),
        post("4", "why so calm?", author="blocked_guy"),
        post("5", "Comment tu écris tes chansons ?"),
        moderation=ModerationRules(blocked_users=("blocked_guy",)),
    )
    trash = {q.tweet_id: q for q in board.page(QueueQuery(view=QueueView.TRASH)).rows}
    assert set(trash) == {"1", "4"}
    assert trash["1"].rule == "profanity" and trash["1"].actor == "rule"
    assert "m3rdeee" in trash["1"].reason or "merde" in trash["1"].reason
    # tags and a question mark ask nothing: not a question (a hashbomb's rule is tested
    # with the moderation rules)
    passed = board.page(QueueQuery(view=QueueView.NOT_QUESTIONS)).rows
    assert [q.tweet_id for q in passed] == ["3"]
    assert trash["4"].rule == "blocked_user"
    flagged = board.page(QueueQuery(view=QueueView.FLAGGED)).rows
    assert ids(flagged) == ["2"] and flagged[0].flag == "link"
    assert "spam.example" in flagged[0].flag_reason
    assert pending(board) == ["5", "2"]
    counts = board.snapshot().counts
    assert counts["trash"] == 2 and counts["flagged"] == 1 and counts["pending"] == 2


def test_nothing_is_approved_automatically_unless_the_labelled_mode_is_on() -> None:
    clean = post("1", "Comment tu écris tes chansons ?")
    assert board_with(clean).snapshot().approved == ()
    board = board_with(clean, moderation=ModerationRules(auto_approve_clean=True))
    (card,) = board.snapshot().approved
    assert card.actor == "rule" and "auto-approved" in card.reason
    flagged = board_with(
        post("2", "Tu as vu ? https://spam.example"),
        moderation=ModerationRules(auto_approve_clean=True),
    )
    assert flagged.snapshot().approved == ()


def test_a_rules_change_applies_to_later_posts_only() -> None:
    board = board_with(post("1", "Tu as vu ? https://spam.example/a"))
    rules = ModerationRules(links=Action.REJECT)
    board.apply(
        [
            ModerationRulesChanged(rules=rules, at=T0 + 5),
            post("2", "Et tu viens quand ? https://spam.example/b", at=T0 + 6),
        ]
    )
    assert pending(board) == ["1"]
    assert ids(board.page(QueueQuery(view=QueueView.TRASH)).rows) == ["2"]
    assert board.snapshot().rules == rules


def test_support_from_brand_new_accounts_is_flagged_not_counted() -> None:
    burst = [retweet(f"r{n}", "1", f"bot{n}", created="2026-09-19T00:00:00.000Z") for n in range(6)]
    board = board_with(post("1", "pourquoi Paris ?", at=T0), *burst)
    card = board.question("1")
    assert card is not None
    assert card.supporters == 1 and card.new_supporters == 6
    assert card.flag == "support_burst" and "6 supporters" in card.flag_reason


def test_the_full_state_machine_with_exactly_one_question_on_air() -> None:
    board = board_with(*(post(str(n), f"question numéro {n} pour toi ?") for n in range(4)))
    board.apply(
        [
            decide("0", QuestionState.APPROVED),
            decide("1", QuestionState.APPROVED),
            decide("2", QuestionState.REJECTED, reason="off topic"),
            decide("3", QuestionState.STASHED),
        ]
    )
    snapshot = board.snapshot()
    assert ids(snapshot.approved) == ["0", "1"] and snapshot.count(QueueView.PENDING) == 0
    board.apply([decide("0", QuestionState.ON_AIR), decide("1", QuestionState.ON_AIR)])
    snapshot = board.snapshot()
    assert snapshot.on_air is not None and snapshot.on_air.tweet_id == "1"
    assert ids(snapshot.answered) == ["0"]  # taken off air by the next one: answered
    board.apply([decide("1", QuestionState.ANSWERED)])
    assert board.snapshot().on_air is None
    # And back: requeue an answered one, restore from the trash, unstash, un-approve.
    board.apply(
        [
            decide("0", QuestionState.APPROVED),
            decide("2", QuestionState.PENDING),
            decide("3", QuestionState.PENDING),
        ]
    )
    assert sorted(pending(board)) == ["2", "3"]
    board.apply([decide("0", QuestionState.PENDING), decide("404", QuestionState.ON_AIR)])
    assert sorted(pending(board)) == ["0", "2", "3"]
    assert board.snapshot().on_air is None


def test_arm_then_take_like_preview_and_program() -> None:
    board = board_with(post("1", "pourquoi Paris ?"), post("2", "pourquoi Lyon ?"))
    board.apply([decide("1", QuestionState.APPROVED), QuestionArmed(tweet_id="1")])
    assert board.snapshot().armed.tweet_id == "1"  # type: ignore[union-attr]
    board.apply([decide("1", QuestionState.ON_AIR)])  # the take
    snapshot = board.snapshot()
    assert snapshot.on_air.tweet_id == "1" and snapshot.armed is None  # type: ignore[union-attr]
    board.apply([QuestionArmed(tweet_id="2"), decide("2", QuestionState.REJECTED)])
    assert board.snapshot().armed is None  # a rejected question leaves the preview
    board.apply([QuestionArmed(tweet_id="2")])
    assert board.snapshot().armed is None  # and cannot be armed from the trash


def test_a_decision_arm_or_star_on_a_re_ask_goes_to_the_card_it_is_counted_on() -> None:
    # An older journal names a post that this release merges into an earlier one's card.
    board = board_with(
        post("1", "Tu prépares un nouvel album ?"), post("2", "tu prepares un nouvel album ??")
    )
    assert board.card_of("2") == "1"
    board.apply(
        [
            decide("2", QuestionState.APPROVED),
            QuestionStarred(tweet_id="2", starred=True),
            QuestionArmed(tweet_id="2"),
        ]
    )
    snapshot = board.snapshot()
    assert ids(snapshot.approved) == ["1"] and snapshot.approved[0].starred
    assert snapshot.armed is not None and snapshot.armed.tweet_id == "1"


def test_undo_reverses_decisions_one_by_one() -> None:
    board = board_with(post("1", "pourquoi Paris ?"), post("2", "pourquoi Lyon ?"))
    board.apply(
        [
            decide("1", QuestionState.APPROVED),
            decide("1", QuestionState.ON_AIR),
            decide("2", QuestionState.ON_AIR),  # 1 becomes answered
            QuestionStarred(tweet_id="2", starred=True),
            QuestionArmed(tweet_id="1"),
        ]
    )
    board.apply([DecisionUndone()])  # the arm
    assert board.snapshot().armed is None
    board.apply([DecisionUndone()])  # the star
    assert board.question("2").starred is False  # type: ignore[union-attr]
    board.apply([DecisionUndone()])  # the take: 1 back on air, 2 back to pending
    snapshot = board.snapshot()
    assert snapshot.on_air.tweet_id == "1"  # type: ignore[union-attr]
    assert snapshot.answered == () and pending(board) == ["2"]
    board.apply([DecisionUndone(), DecisionUndone()])
    assert sorted(pending(board)) == ["1", "2"] and board.snapshot().on_air is None
    version = board.version
    board.apply([DecisionUndone()])  # nothing left to undo: nothing changes
    assert board.version == version


def test_rule_decisions_are_not_undone_but_can_be_restored() -> None:
    board = board_with(post("1", "Pourquoi tu es un tel connard ?"), post("2", "pourquoi Lyon ?"))
    assert ids(board.page(QueueQuery(view=QueueView.TRASH)).rows) == ["1"]
    board.apply([DecisionUndone()])
    assert ids(board.page(QueueQuery(view=QueueView.TRASH)).rows) == ["1"]
    board.apply([decide("1", QuestionState.PENDING, reason="restored")])
    assert sorted(pending(board)) == ["1", "2"]


def test_a_replayed_journal_rebuilds_the_same_board() -> None:
    events: list[Event] = [
        post("1", "pourquoi Paris ?"),
        post("2", "Pourquoi Paris ??", author="b", at=T0 + 1),
        post("3", "Tu as vu ? https://spam.example", at=T0 + 2),
        post("4", "Pourquoi tu es un tel connard ?", at=T0 + 3),
        retweet("5", "1", "x"),
        decide("1", QuestionState.APPROVED),
        QuestionStarred(tweet_id="1", starred=True),
        QuestionArmed(tweet_id="1"),
        decide("1", QuestionState.ON_AIR),
        decide("3", QuestionState.STASHED),
        DecisionUndone(),
        ModerationRulesChanged(rules=ModerationRules(links=Action.REJECT)),
        post("6", "Encore ? https://spam.example/2", at=T0 + 20),
    ]
    live = board_with(*events)
    replayed = board_with(*(decode_event(encode_event(e)) for e in events))
    for view in QueueView:
        query = QueueQuery(view=view)
        assert live.page(query).rows == replayed.page(query).rows, view
    assert live.snapshot().on_air == replayed.snapshot().on_air
    assert live.snapshot().counts == replayed.snapshot().counts


def test_pages_filter_search_and_order_thousands_of_cards() -> None:
    events: list[Event] = [
        post(str(n), f"question {n} sur le sujet {n * 7919 % 10007} ?", at=T0 + n)
        for n in range(3_000)
    ]
    events += [retweet(f"r{n}", "1500", f"s{n}") for n in range(5)]
    events.append(QuestionStarred(tweet_id="42", starred=True))
    board = board_with(*events)
    page = board.page(QueueQuery(limit=50))
    assert page.total == 3_000 and len(page.rows) == 50 and page.rows[0].tweet_id == "2999"
    assert board.page(QueueQuery(order=QueueOrder.SUPPORT, limit=1)).rows[0].tweet_id == "1500"
    assert board.page(QueueQuery(order=QueueOrder.STARRED, limit=1)).rows[0].tweet_id == "42"
    found = board.page(QueueQuery(search="@FAN2999"))
    assert ids(found.rows) == ["2999"] and found.total == 1
    assert board.page(QueueQuery(view=QueueView.STARRED)).total == 1


def test_hostile_text_is_kept_as_data_and_exported_without_formulas(tmp_path: Path) -> None:
    hostile = [
        "<b>pourquoi</b> <img src=x onerror=alert(1)> ?",
        '=HYPERLINK("http://evil","x") pourquoi ?',
        "pourquoi " + "é" * 10_000 + " ?",
        "لماذا باريس ؟ #AskBlueRoom",
        "Z̸̢̛a̴l̷g̶o̵ pourquoi ?",
    ]
    board = board_with(*(post(str(n), text, at=T0 + n) for n, text in enumerate(hostile)))
    board.apply([decide("0", QuestionState.REJECTED, reason="rejected by operator")])
    assert {q.text for q in board.page(QueueQuery(view=QueueView.ALL)).rows} == set(hostile)
    result = export_questions(tmp_path / "out" / "questions.csv", board.export_rows())
    assert result.error == "" and result.rows == len(hostile)
    with Path(result.path).open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_id = {row["post_id"]: row for row in rows}
    assert by_id["1"]["text"].startswith("'=HYPERLINK")
    assert by_id["0"]["state"] == "rejected" and "rejected by operator" in by_id["0"]["decisions"]
    assert len(by_id["2"]["text"]) > 10_000


def test_the_export_lists_near_duplicates_and_rule_decisions() -> None:
    board = board_with(
        post("1", "pourquoi Paris ?"),
        post("2", "Pourquoi Paris ??", author="b", at=T0 + 1),
        post("3", "Pourquoi tu es un tel connard ?", at=T0 + 2),
    )
    board.apply([decide("1", QuestionState.APPROVED, actor="operator")])
    buffer = io.StringIO()
    csv.writer(buffer).writerows(csv_rows(board.export_rows()))
    rows = {row["post_id"]: row for row in csv.DictReader(io.StringIO(buffer.getvalue()))}
    assert rows["2"]["state"] == "merged" and rows["2"]["card"] == "1"
    assert rows["1"]["asked_by"] == "2" and rows["1"]["decided_by"] == "operator"
    assert rows["3"]["state"] == "rejected" and rows["3"]["rule"] == "profanity"


def test_an_export_to_a_place_that_cannot_be_written_says_why(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = export_questions(blocker / "questions.csv", [])
    assert result.rows == 0 and "could not write" in result.error


def test_counts_stay_exact_through_any_sequence_of_decisions_and_undos() -> None:
    rng = random.Random(7)
    posts: list[Event] = [post(str(n), f"question {n} about topic {n * 31} ?") for n in range(40)]
    posts += [
        post("f1", "vu ? https://spam.example/1"),
        post("f2", "et ça ? https://spam.example/2"),
    ]
    board = board_with(*posts)
    ids_ = [str(n) for n in range(40)] + ["f1", "f2"]
    for step in range(400):
        tweet_id = rng.choice(ids_)
        roll = rng.random()
        if roll < 0.5:
            board.apply([decide(tweet_id, rng.choice(list(QuestionState)))])
        elif roll < 0.7:
            board.apply([QuestionStarred(tweet_id=tweet_id, starred=rng.random() < 0.5)])
        elif roll < 0.8:
            board.apply([QuestionArmed(tweet_id=tweet_id)])
        else:
            board.apply([DecisionUndone()])
        cards = board.page(QueueQuery(view=QueueView.ALL, limit=1_000)).rows
        counts = board.snapshot().counts
        by_state = Counter(q.state for q in cards)
        assert counts["pending"] == by_state[QuestionState.PENDING], step
        assert counts["flagged"] == sum(
            1 for q in cards if q.flag and q.state is QuestionState.PENDING
        ), step
        assert counts["starred"] == sum(1 for q in cards if q.starred), step
        assert counts["trash"] == by_state[QuestionState.REJECTED], step
        assert by_state[QuestionState.ON_AIR] <= 1, step


def test_the_room_model_calls_back_after_a_decision_not_after_posts() -> None:
    from blueroom.core.models import RoomModel
    from blueroom.core.session import default_script

    model = RoomModel(RULES, default_script("Léa", "#AskBlueRoom"), half_life=600.0)
    calls: list[int] = []
    model.on_decision = lambda: calls.append(model.questions.decisions)
    model.apply([post("1", "pourquoi Paris ?"), retweet("2", "1", "x")])
    assert calls == [] and not model.changed.is_set()
    model.apply([decide("1", QuestionState.ON_AIR)])
    assert calls == [1] and model.changed.is_set()


def test_replies_to_the_guest_or_the_room_are_addressed_not_any_reply() -> None:
    room_post = post("10", "Bienvenue dans la Blue Room !", author="BlueRoomFR")
    board = board_with(
        room_post,
        post(
            "11", "pourquoi ce choix ?", hashtags=(), reply_to="10", reply_to_user="id-BlueRoomFR"
        ),
        post("12", "pourquoi ce choix ?", hashtags=(), reply_to="99", reply_to_user="id-someone"),
    )
    assert pending(board) == ["11"]


def test_floods_are_judged_on_post_times_so_a_fast_replay_flags_no_one() -> None:
    minute_apart = [
        post(f"p{n}", f"question {n} numéro {n * 7} ?", author="keen", created_at=T0 + 60.0 * n)
        for n in range(8)
    ]
    board = board_with(*(e for e in minute_apart))  # all arrive at T0 (a 60× replay)
    assert board.snapshot().count(QueueView.FLAGGED) == 0
    burst = [
        post(
            f"b{n}",
            f"autre question {n + 100} numéro {n * 11} ?",
            author="flooder",
            created_at=T0 + n,
        )
        for n in range(8)
    ]
    board.apply(burst)
    assert board.snapshot().count(QueueView.FLAGGED) >= 2


def test_search_ignores_accents_and_case_both_ways_and_finds_handles_and_names() -> None:
    board = board_with(
        post("1", "Tu passes par Genève pendant la tournée ?", author="lea_fan"),
        post("2", "Quand commence la TOURNEE en Belgique ?", author="marc"),
        post("3", "Une date à Lyon ?", author="zoé_du_69"),
    )

    def found(search: str) -> list[str]:
        return sorted(ids(board.page(QueueQuery(search=search)).rows))

    assert found("tournee") == ["1", "2"]
    assert found("TOURNÉE") == ["1", "2"]
    assert found("geneve") == ["1"]
    assert found("@lea_fan") == ["1"]
    assert found("Zoe_Du") == ["3"], "the handle, accents aside"
    assert found("Marc") == ["2"], "the display name"


def test_most_supported_lists_questions_not_popular_remarks_about_the_stream() -> None:
    board = board_with(
        post("1", "Already over?? 🫶 #AskBlueRoom"),
        post("2", "Léa, when is the new album coming out? #AskBlueRoom"),
        *(retweet(f"r{n}", of="1", who=f"fan{n}") for n in range(30)),
        *(retweet(f"s{n}", of="2", who=f"other{n}") for n in range(3)),
    )
    page = board.page(QueueQuery(view=QueueView.ALL, order=QueueOrder.SUPPORT))
    assert ids(page.rows) == ["2"]
