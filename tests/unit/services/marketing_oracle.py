"""An independent computation of who a marketing export may contain.

Plain Python over the raw tables, written from the rules in ``docs/consents.md`` rather
than from the export's SQL: the tests compare the two on random small registers and on a
100,000-customer one.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path

from kkdesk.domain.consent import MarketingChannel, MarketingPurpose

BLANKET = ("restriction", "objection")


def load_states(con: sqlite3.Connection) -> dict[tuple[int, int], dict[str, bool]]:
    """(customer id, contact id or 0) → item → value of its newest event."""
    newest: dict[tuple[int, int, str], tuple[tuple[str, str, int], bool]] = {}
    for cid, pid, item, state, received, recorded, eid in con.execute(
        "SELECT customer_id, contact_person_id, item, state, received_on, recorded_at, id "
        "FROM consent_event"
    ):
        key = (cid, pid or 0, item)
        order = (received, recorded, eid)
        if key not in newest or order > newest[key][0]:
            newest[key] = (order, bool(state))
    out: dict[tuple[int, int], dict[str, bool]] = defaultdict(dict)
    for (cid, pid, item), (_, value) in newest.items():
        out[(cid, pid)][item] = value
    return out


def record_allows(state: dict[str, bool], purpose: MarketingPurpose, channel: str) -> bool:
    if any(state.get(i, False) for i in BLANKET):
        return False
    if state.get(purpose.value.replace("-", "_"), False):
        return False
    if channel == "email":
        return state.get("email_marketing", False)
    if channel == "sms":
        return state.get("sms_marketing", False)
    return True


class Register:
    """The raw rows a marketing decision depends on, read once."""

    def __init__(self, path: Path) -> None:
        con = sqlite3.connect(path)
        try:
            self.states = load_states(con)
            self.customers = con.execute(
                "SELECT id, number, email_key, phone_home, phone_work, phone_mobile, street, "
                "postal_code, post_office, email FROM customer WHERE erased_at IS NULL"
            ).fetchall()
            self.contacts = con.execute(
                "SELECT p.id, p.customer_id, p.email_key, p.phone_work, p.phone_mobile "
                "FROM contact_person p JOIN customer c ON c.id = p.customer_id "
                "WHERE c.erased_at IS NULL"
            ).fetchall()
            latest: dict[tuple[str, str, str], tuple[int, bool]] = {}
            for sid, kind, value, item, active in con.execute(
                "SELECT id, key_kind, key_value, item, active FROM suppression"
            ):
                k = (kind, value, item)
                if k not in latest or sid > latest[k][0]:
                    latest[k] = (sid, bool(active))
            self.active_supp = [(k, v, item) for (k, v, item), (_, a) in latest.items() if a]
        finally:
            con.close()

    def expected(self, purpose: MarketingPurpose, channel: MarketingChannel) -> set[str]:
        relevant = {purpose.value.replace("-", "_"), *BLANKET}
        if channel is MarketingChannel.EMAIL:
            relevant.add("email_marketing")
        if channel is MarketingChannel.SMS:
            relevant.add("sms_marketing")
        suppressed = {(k, v) for k, v, item in self.active_supp if item in relevant}

        def keys(email: str, *phones: str) -> set[tuple[str, str]]:
            out = {("phone", p) for p in phones if p}
            if email:
                out.add(("email", email))
            return out

        blocked: set[tuple[str, str]] = set()
        own_ok: dict[int, bool] = {}
        for cid, _n, email, home, work, mobile, *_ in self.customers:
            ok = record_allows(self.states.get((cid, 0), {}), purpose, channel.value)
            own_ok[cid] = ok
            if not ok:
                blocked |= keys(email, home, work, mobile)
        for pid, cid, email, work, mobile in self.contacts:
            if not record_allows(self.states.get((cid, pid), {}), purpose, channel.value):
                blocked |= keys(email, work, mobile)
        # A person's own keys are blocked by the person only if the person is not allowed,
        # so for an allowed person "blocked" means "blocked by another record".
        result = set()
        for cid, number, email, home, work, mobile, street, postal, office, raw in self.customers:
            if channel is MarketingChannel.POST:
                usable = bool(street and postal and office)
            elif channel is MarketingChannel.EMAIL:
                usable = bool(raw)
            else:
                usable = bool(mobile)
            mine = keys(email, home, work, mobile)
            if usable and own_ok[cid] and not (mine & blocked) and not (mine & suppressed):
                result.add(number)
        return result


def expected_numbers(path: Path, purpose: MarketingPurpose, channel: MarketingChannel) -> set[str]:
    return Register(path).expected(purpose, channel)
