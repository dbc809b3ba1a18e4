"""Known errors and field problems put into words in the user's language.

The layers below raise :class:`~kkdesk.errors.KnownError` subclasses with a stable ``code``
and English messages meant for logs and the command line; the desk shows a translated
sentence instead. Every code raised by :mod:`kkdesk.domain.validation` has a message here
(a unit test holds that line); a code we don't know yet falls back to the English message
so that a new error is never shown as nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from kkdesk.errors import FieldError, KnownError, StaleEdit, ValidationFailed


def field_label(field: str) -> str:
    """The translated label of a customer field (also ``contacts[0].email`` style keys)."""
    base = field.rsplit(".", 1)[-1]
    labels = {
        "number": QCoreApplication.translate("errors", "Customer number"),
        "type": QCoreApplication.translate("errors", "Customer type"),
        "surname": QCoreApplication.translate("errors", "Surname"),
        "first_names": QCoreApplication.translate("errors", "First names"),
        "company_name": QCoreApplication.translate("errors", "Company name"),
        "business_id": QCoreApplication.translate("errors", "Business ID"),
        "street": QCoreApplication.translate("errors", "Street address"),
        "postal_code": QCoreApplication.translate("errors", "Postal code"),
        "post_office": QCoreApplication.translate("errors", "Post office"),
        "country": QCoreApplication.translate("errors", "Country"),
        "phone_home": QCoreApplication.translate("errors", "Home phone"),
        "phone_work": QCoreApplication.translate("errors", "Work phone"),
        "phone_mobile": QCoreApplication.translate("errors", "Mobile phone"),
        "email": QCoreApplication.translate("errors", "E-mail"),
        "birth_date": QCoreApplication.translate("errors", "Date of birth"),
        "language": QCoreApplication.translate("errors", "Language"),
        "customer_since": QCoreApplication.translate("errors", "Customer since"),
        "notes": QCoreApplication.translate("errors", "Notes"),
        "role": QCoreApplication.translate("errors", "Role"),
        "contacts": QCoreApplication.translate("errors", "Contact persons"),
        "extra": QCoreApplication.translate("errors", "Other data"),
    }
    return labels.get(base, base)


def field_message(code: str, params: Mapping[str, Any] | None = None, fallback: str = "") -> str:
    """The translated problem of one field, as shown beside it ("Must be five digits…")."""
    params = params or {}
    messages = {
        "required": QCoreApplication.translate("errors", "Required."),
        "control_chars": QCoreApplication.translate(
            "errors", "Contains control characters; remove them."
        ),
        "invisible_chars": QCoreApplication.translate(
            "errors",
            "Contains invisible characters (text-direction or zero-width marks) that can make "
            "it look like something else; remove them.",
        ),
        "too_long": QCoreApplication.translate("errors", "Too long: at most %1 characters."),
        "name_letters": QCoreApplication.translate("errors", "Must contain letters."),
        "country": QCoreApplication.translate(
            "errors", "Not a known country code; use two letters such as FI or SE."
        ),
        "postal_code_fi": QCoreApplication.translate(
            "errors", "A Finnish postal code is five digits, e.g. 01380."
        ),
        "postal_code": QCoreApplication.translate("errors", "Not a postal code."),
        "phone": QCoreApplication.translate(
            "errors", "Not a phone number, e.g. 040 123 4567 or +358 40 123 4567."
        ),
        "email": QCoreApplication.translate(
            "errors", "Not an e-mail address, e.g. name@example.fi."
        ),
        "birth_date_future": QCoreApplication.translate(
            "errors", "The date of birth is in the future."
        ),
        "birth_date_too_old": QCoreApplication.translate(
            "errors", "The person would be older than %1 years."
        ),
        "business_id": QCoreApplication.translate(
            "errors", "Not a valid business ID (Y-tunnus), e.g. 0109862-8."
        ),
        "date_future": QCoreApplication.translate("errors", "The date is in the future."),
        "language": QCoreApplication.translate("errors", "Choose Finnish, Swedish or English."),
        "address_incomplete": QCoreApplication.translate(
            "errors", "Needed to complete the address."
        ),
        "company_birth_date": QCoreApplication.translate(
            "errors", "A company has no date of birth."
        ),
        "person_contacts": QCoreApplication.translate(
            "errors", "Only a company has contact persons."
        ),
        "extra_format": QCoreApplication.translate("errors", "Write one 'name: value' per line."),
        "invalid_date": QCoreApplication.translate(
            "errors", "Not a date; write it as the example shows."
        ),
    }
    text = messages.get(code)
    if text is None:
        return fallback or code
    if code == "too_long":
        return text.replace("%1", str(params.get("max", "")))
    if code == "birth_date_too_old":
        from kkdesk.domain.validation import MAX_AGE_YEARS

        return text.replace("%1", str(MAX_AGE_YEARS))
    return text


def describe_field_error(err: FieldError) -> str:
    return field_message(err.code, err.params, err.message)


def bug_sentence() -> str:
    return QCoreApplication.translate(
        "errors",
        "Something went wrong inside kkdesk (a bug). The step that failed may not have "
        "been completed.",
    )


def damaged_sentence(number: str) -> str:
    """What a record kkdesk cannot interpret is, naming its customer (an error of one
    record opened, and a damaged row in a result list)."""
    return QCoreApplication.translate(
        "errors",
        "The record of customer %1 is damaged (a value kkdesk does not know) and cannot be "
        "shown; ask an administrator to correct it.",
    ).replace("%1", number)


def describe_error(exc: BaseException) -> str:
    """One translated sentence (or a short paragraph) saying what went wrong."""
    if isinstance(exc, ValidationFailed):
        lines = [
            f"{field_label(key)}: {describe_field_error(err)}" for key, err in exc.errors.items()
        ]
        head = QCoreApplication.translate("errors", "Some fields need attention:")
        return "\n".join([head, *lines])
    if isinstance(exc, StaleEdit):
        by = exc.params.get("changed_by")
        at = exc.params.get("changed_at")
        if by and at:
            from kkdesk.ui.formatting import format_datetime

            return (
                QCoreApplication.translate(
                    "errors",
                    "%1 saved this record at %2 after you opened it. Your input is kept; "
                    "reload to see their changes, then apply yours again.",
                )
                .replace("%1", str(by))
                .replace("%2", format_datetime(at) if not isinstance(at, str) else at)
            )
        return QCoreApplication.translate(
            "errors",
            "Someone else saved this record after you opened it. Your input is kept; "
            "reload to see their changes, then apply yours again.",
        )
    if not isinstance(exc, KnownError):
        # Shown by kkdesk.ui.failures.report_failure, which logs the bug and opens the bug
        # dialog; no sentence here claims that anything was logged.
        return bug_sentence()
    if exc.code == "check_digit":
        return _check_digit_sentence(exc)
    sentences = {
        "backup_central": QCoreApplication.translate(
            "errors",
            "Backups and restores here are of the embedded register; the central database "
            "is backed up by its administrator.",
        ),
        "backup_damaged": QCoreApplication.translate(
            "errors",
            "The backup file is damaged (SQLite's integrity check failed); nothing was restored.",
        ),
        "backup_foreign": QCoreApplication.translate(
            "errors",
            "The file is not a kkdesk register or a SQLite database; nothing was restored.",
        ),
        "backup_invalid": QCoreApplication.translate(
            "errors",
            "The file cannot be restored as the register; nothing was changed.",
        ),
        "backup_missing": QCoreApplication.translate(
            "errors",
            "The backup file does not exist.",
        ),
        "backup_newer": QCoreApplication.translate(
            "errors",
            "The backup was made by a newer kkdesk (its schema is newer than this one "
            "knows); restore it with that version.",
        ),
        "backup_no_key": QCoreApplication.translate(
            "errors",
            "The key of this encrypted backup is not in your keyring: only the user who "
            "made it can restore it, on their computer.",
        ),
        "backup_unreadable": QCoreApplication.translate(
            "errors",
            "The backup file cannot be opened.",
        ),
        "address_file_refused": QCoreApplication.translate(
            "errors", "The address-update file was refused; nothing was changed."
        ),
        "address_file_unreadable": QCoreApplication.translate(
            "errors", "The address-update file cannot be read; check its name and rights."
        ),
        "address_update_stale": QCoreApplication.translate(
            "errors",
            "Some of the customers were changed while the import ran; nothing was changed. "
            "Preview and apply the file again.",
        ),
        "address_source_missing": QCoreApplication.translate(
            "errors", "Name the update service the file came from."
        ),
        "address_source_invalid": QCoreApplication.translate(
            "errors", "The update service's name is too long or holds characters it may not."
        ),
        "retention_on_needs_dry_run": QCoreApplication.translate(
            "errors", "A run as of another day can only be a dry run: nothing was done."
        ),
        "confirmation_needed": QCoreApplication.translate(
            "errors",
            "This replaces data and needs your confirmation; nothing was done.",
        ),
        "demo_not_empty": QCoreApplication.translate(
            "errors",
            "The central database already holds customers: demo data is added only to an "
            "empty one, so that no invented customer is mixed with real ones.",
        ),
        "identity_not_checked": QCoreApplication.translate(
            "errors",
            "No identity check is recorded for request %1: record how the requester's "
            "identity was verified (Identity…), or send the request-for-identification "
            "letter. No copy was made.",
        ),
        "login_privileged": QCoreApplication.translate(
            "errors",
            "kkdesk manages only logins whose rights come from one kkdesk user level; this "
            "login has other rights.",
        ),
        "password_not_entered": QCoreApplication.translate(
            "errors",
            "No password was entered; nothing was done.",
        ),
        "request_requester_removed": QCoreApplication.translate(
            "errors",
            "The contact person who made request %1 has since been removed from the "
            "customer: a copy of the company's data cannot go to them. Answer with a letter "
            "saying what is held on them, or close the request.",
        ),
        "not_found": QCoreApplication.translate(
            "errors", "The record was not found; it may have been erased."
        ),
        "permission_denied": QCoreApplication.translate(
            "errors", "Your user level does not allow this."
        ),
        "db_unavailable": QCoreApplication.translate(
            "errors", "The database cannot be reached. Check the network and try again."
        ),
        "auth_failed": QCoreApplication.translate(
            "errors", "The database refused the user name or password."
        ),
        "keyring_unavailable": QCoreApplication.translate(
            "errors",
            "No password store (keyring) is available; the password is asked each time.",
        ),
        "rule": QCoreApplication.translate("errors", "The register's rules do not allow this."),
        "merge_same": QCoreApplication.translate(
            "errors", "A customer cannot be merged with itself: choose two different records."
        ),
        "merge_not_person": QCoreApplication.translate(
            "errors",
            "Customer %1 is not a person: only two records of one person can be merged.",
        ),
        "merge_erased": QCoreApplication.translate(
            "errors", "Customer %1 is erased and cannot be merged."
        ),
        "merge_merged": QCoreApplication.translate(
            "errors",
            "Customer %1 was already merged into another record; its number leads there.",
        ),
        "merge_choice": QCoreApplication.translate(
            "errors",
            "That choice of values is not possible: take the kept or the other record's "
            "value (both only for notes and extra data). Nothing was merged.",
        ),
        # GDPR Art. 18(1)(b)/(c): the person asked that the data be kept; the same words
        # whether the service or the central database (its hint) refused it.
        "merge_restricted": QCoreApplication.translate(
            "errors",
            "The processing of customer %1's data is restricted (GDPR Art. 18): the person "
            "asked that the data be kept as it is, so the records cannot be merged. Lift the "
            "restriction first. Nothing was merged.",
        ),
        "merge_final": QCoreApplication.translate(
            "errors", "A merge cannot be undone; the database refused the change."
        ),
        "merge_unrecorded": QCoreApplication.translate(
            "errors",
            "Only a recorded merge, by the privacy or admin level, may move data between "
            "customers or mark a record merged; the database refused the change.",
        ),
        "type_change": QCoreApplication.translate(
            "errors", "A customer's type cannot be changed; create a new customer instead."
        ),
        "password_in_url": QCoreApplication.translate(
            "errors",
            "The database address (KKDESK_DB) contains a password, which others can read "
            "there. Remove it and sign in with the login dialog or 'kkdesk login', which "
            "keep the password in the keyring.",
        ),
        "no_such_folder": QCoreApplication.translate(
            "errors",
            "The folder %1 does not exist; choose an existing folder. Nothing was written.",
        ),
        "file_unwritable": QCoreApplication.translate(
            "errors", "The file %1 could not be written (%2). Nothing was written."
        ),
        "insecure_connection": QCoreApplication.translate(
            "errors",
            "The connection to %1 would not be sure to be encrypted (TLS mode %2): passwords "
            "and customer data could be read on the network. Choose the TLS mode verify-full "
            "with the CA certificate file, or require.",
        ),
        "customer_not_found": QCoreApplication.translate(
            "errors", "There is no such customer; the record may have been erased."
        ),
        "contact_not_found": QCoreApplication.translate(
            "errors", "The contact person was not found on this customer."
        ),
        "order_not_found": QCoreApplication.translate("errors", "The order was not found."),
        "order_cancelled": QCoreApplication.translate("errors", "The order is cancelled."),
        "delivery_not_found": QCoreApplication.translate(
            "errors", "The delivery is not on this order."
        ),
        "delivery_not_shipped": QCoreApplication.translate(
            "errors", "The delivery has not been shipped yet."
        ),
        "delivery_already_delivered": QCoreApplication.translate(
            "errors", "The delivery is already marked delivered."
        ),
        "delivery_before_shipping": QCoreApplication.translate(
            "errors", "A delivery cannot arrive before it was shipped."
        ),
        "delivery_ambiguous": QCoreApplication.translate(
            "errors", "Several deliveries of this order are on their way: choose one."
        ),
        "return_empty": QCoreApplication.translate(
            "errors", "Enter how many of at least one line are returned."
        ),
        "return_negative": QCoreApplication.translate(
            "errors", "A returned quantity cannot be negative."
        ),
        "return_foreign_line": QCoreApplication.translate(
            "errors", "The line is not on this order."
        ),
        "return_too_many": QCoreApplication.translate(
            "errors",
            "More would be returned than was delivered minus what has already been returned.",
        ),
        "reason_too_long": QCoreApplication.translate(
            "errors", "The reason is too long: at most 500 characters."
        ),
        "step_date_future": QCoreApplication.translate(
            "errors", "The date cannot be in the future."
        ),
        "delivery_before_order": QCoreApplication.translate(
            "errors", "A delivery cannot arrive before the order was placed."
        ),
        "return_not_found": QCoreApplication.translate(
            "errors", "The return is not on this order."
        ),
        "return_already_received": QCoreApplication.translate(
            "errors", "The return is already marked received."
        ),
        "return_received_before_request": QCoreApplication.translate(
            "errors", "Returned goods cannot arrive before the return was requested."
        ),
        "return_already_refunded": QCoreApplication.translate(
            "errors", "The return is already refunded."
        ),
        "refund_not_positive": QCoreApplication.translate(
            "errors", "The refund must be more than zero."
        ),
        "refund_too_much": QCoreApplication.translate(
            "errors", "The refund cannot exceed what the customer paid for the returned items."
        ),
        "refund_before_receipt": QCoreApplication.translate(
            "errors", "A refund cannot be dated before the returned goods were received."
        ),
        "refund_before_request": QCoreApplication.translate(
            "errors", "A refund cannot be dated before the return was requested."
        ),
        "delivery_after_return": QCoreApplication.translate(
            "errors", "A delivery cannot be dated after a return of its goods was requested."
        ),
        "correction_reason_missing": QCoreApplication.translate(
            "errors", "Say why the step is corrected."
        ),
        "correction_no_step": QCoreApplication.translate(
            "errors", "The step is not on this order."
        ),
        "correction_not_recorded": QCoreApplication.translate(
            "errors", "That step has not been recorded: there is nothing to correct."
        ),
        "correction_has_returns": QCoreApplication.translate(
            "errors", "The order has returns: its delivery cannot be undone."
        ),
        "correction_refunded": QCoreApplication.translate(
            "errors", "The return has been refunded: correct the refund first."
        ),
        "correction_no_change": QCoreApplication.translate(
            "errors", "The correction changes nothing: give another date or amount."
        ),
        "request_not_found": QCoreApplication.translate("errors", "The request was not found."),
        "request_closed": QCoreApplication.translate(
            "errors", "The request has already been closed."
        ),
        "request_already_extended": QCoreApplication.translate(
            "errors", "The deadline has already been extended once; it cannot be again."
        ),
        "request_extension_late": QCoreApplication.translate(
            "errors", "The deadline can only be extended within the first month."
        ),
        "request_no_customer": QCoreApplication.translate(
            "errors", "The request is not linked to a customer."
        ),
        "request_not_access": QCoreApplication.translate(
            "errors", "That request is not an access request."
        ),
        "request_other_customer": QCoreApplication.translate(
            "errors", "That request is from another customer."
        ),
        # GDPR Art. 18: the same words whether the central database or the embedded
        # register's services refused it.
        "processing_restricted": QCoreApplication.translate(
            "errors",
            "The processing of this customer's data is restricted (GDPR Art. 18): it can be "
            "read, but not changed, exported, used for marketing, sent to others or ordered "
            "for until privacy staff lift the restriction.",
        ),
        "restriction_lift_without_notice": QCoreApplication.translate(
            "errors",
            "The restriction is lifted only after the person has been sent its notice (GDPR "
            "Art. 18(3)): make the notice first.",
        ),
        "restriction_fixed": QCoreApplication.translate(
            "errors", "A restriction of processing is never changed or deleted, only lifted once."
        ),
        "already_restricted": QCoreApplication.translate(
            "errors", "The processing of this customer's data is already restricted."
        ),
        "not_restricted": QCoreApplication.translate(
            "errors", "The processing of this customer's data is not restricted."
        ),
        "request_status": QCoreApplication.translate(
            "errors", "A request is closed as done or refused."
        ),
        "letter_not_found": QCoreApplication.translate("errors", "The letter was not found."),
        "letter_corrupt": QCoreApplication.translate(
            "errors", "The archived letter does not match its recorded hash."
        ),
        "report_fonts_missing": QCoreApplication.translate(
            "errors", "The letter fonts are missing from the installation."
        ),
        "export_channel": QCoreApplication.translate(
            "errors", "There is no export file for that channel."
        ),
        "export_folder": QCoreApplication.translate(
            "errors", "The folder for the file does not exist."
        ),
        "not_a_database": QCoreApplication.translate(
            "errors", "That file is not a kkdesk register (or it is damaged)."
        ),
        "db_locked": QCoreApplication.translate(
            "errors",
            "Another program is using the register file and has locked it. Close "
            "that program (or wait for it to finish) and try again.",
        ),
        "connection_lost": QCoreApplication.translate(
            "errors",
            "The connection to the database was lost; nothing was saved. Your changes are "
            "still in the form — try again.",
        ),
        "query_timeout": QCoreApplication.translate(
            "errors",
            "The database took too long to answer and the query was stopped. Try again; "
            "if it keeps happening, narrow the search or tell the database administrator.",
        ),
        "register_replaced": QCoreApplication.translate(
            "errors",
            "The register file was deleted, moved or replaced while the desk was "
            "running. Nothing was saved. Restart the desk to open the register "
            "file as it is now.",
        ),
        "register_missing": QCoreApplication.translate(
            "errors", "The register file does not exist."
        ),
        "tls_failed": QCoreApplication.translate(
            "errors",
            "The server's identity could not be verified (TLS). Check the CA "
            "certificate file and the host name.",
        ),
        "schema_outdated": QCoreApplication.translate(
            "errors",
            "The database needs an upgrade first; ask an administrator to run 'kkdesk db upgrade'.",
        ),
        "schema_newer": QCoreApplication.translate(
            "errors",
            "The database is newer than this kkdesk; install the kkdesk version that goes with it.",
        ),
        "collect_reads_not_set_up": QCoreApplication.translate(
            "errors",
            "The database may not read the server's log yet: a database administrator must "
            "grant its owner pg_read_file and pg_ls_logdir.",
        ),
        "upgrade_refused": QCoreApplication.translate(
            "errors",
            "The database refused a step of the upgrade; run it as the database's owner.",
        ),
        "bad_url": QCoreApplication.translate(
            "errors",
            "That is not a database kkdesk can open; give a SQLite file or a "
            "postgresql:// address.",
        ),
        "no_user": QCoreApplication.translate("errors", "The database address names no user."),
        "not_central": QCoreApplication.translate(
            "errors",
            "The embedded register has no users: the desk runs as you, with the "
            "level set in its settings.",
        ),
        "user_exists": QCoreApplication.translate("errors", "That login already exists."),
        "user_unknown": QCoreApplication.translate(
            "errors", "There is no staff login by that name."
        ),
        "unknown_user": QCoreApplication.translate(
            "errors", "There is no user by that name in this database. Check the user name."
        ),
        "wrong_password": QCoreApplication.translate(
            "errors", "The password is wrong. Check it, and that Caps Lock is off."
        ),
        "password_expired": QCoreApplication.translate(
            "errors", "Your password has expired. Ask an administrator to set a new one."
        ),
        "password_needed": QCoreApplication.translate(
            "errors", "A password is needed and none is saved: enter it."
        ),
        "password_mismatch": QCoreApplication.translate(
            "errors", "The passwords were empty or did not match."
        ),
        "saved_password_refused": QCoreApplication.translate(
            "errors",
            "The password saved in the keyring was refused: it may have been "
            "changed or have expired. Enter your password.",
        ),
        "account_disabled": QCoreApplication.translate(
            "errors", "Your account is disabled. Ask an administrator."
        ),
        "no_level": QCoreApplication.translate(
            "errors",
            "Your database user has no kkdesk user level. Ask an administrator to give you one.",
        ),
        "keyring_failed": QCoreApplication.translate(
            "errors", "The keyring refused the request; the password was not saved."
        ),
        "erase_legal_hold": QCoreApplication.translate(
            "errors",
            "Customer %1 is under a legal hold and cannot be erased; lift the hold first "
            "when it has ended. Nothing was erased.",
        ),
        "erase_restricted": QCoreApplication.translate(
            "errors",
            "The processing of customer %1's data is restricted (GDPR Art. 18): the person "
            "asked that the data be kept instead of erased. Lift the restriction first (the "
            "person is sent its notice). Nothing was erased.",
        ),
        "erase_open_order": QCoreApplication.translate(
            "errors",
            "Customer %1 has an open order (%2): finish or cancel it before erasing. Nothing "
            "was erased.",
        ),
        "erase_open_return": QCoreApplication.translate(
            "errors",
            "Customer %1 has an open return (%2): settle it before erasing. Nothing was erased.",
        ),
        "erase_reason_required": QCoreApplication.translate(
            "errors", "An erasure needs a reason. Nothing was erased."
        ),
        "erase_reason_too_long": QCoreApplication.translate(
            "errors", "The reason is too long (at most 500 characters). Nothing was erased."
        ),
        "erase_wrong_request": QCoreApplication.translate(
            "errors",
            "The request is not an erasure request of this customer. Nothing was erased.",
        ),
        "legal_hold_reason_required": QCoreApplication.translate(
            "errors", "A legal hold needs a reason."
        ),
    }
    if exc.code == "damaged_record":
        return damaged_sentence(str(exc.params.get("number", "")))
    if exc.code == "consent_changed":
        return QCoreApplication.translate(
            "errors",
            "Someone else changed these consents just now; nothing was recorded. Check the "
            "current state and record again if needed.",
        )
    text = sentences.get(exc.code)
    if text is None:
        from kkdesk.ui import offline_errors

        text = offline_errors.sentence(exc)
    if text is None:
        return exc.message
    if exc.code in (
        "merge_not_person",
        "merge_erased",
        "merge_merged",
        "merge_restricted",
        "erase_restricted",
    ):
        return text.replace("%1", str(exc.params.get("number", "")))
    if exc.code in ("identity_not_checked", "request_requester_removed"):
        return text.replace("%1", str(exc.params.get("id", "")))
    if exc.code in ("erase_legal_hold", "erase_open_order", "erase_open_return"):
        detail = exc.params.get("orders") or exc.params.get("returns") or ""
        return text.replace("%1", str(exc.params.get("number", ""))).replace("%2", str(detail))
    if exc.code == "no_such_folder":
        return text.replace("%1", str(exc.params.get("folder", "")))
    if exc.code == "file_unwritable":
        return text.replace("%1", str(exc.params.get("path", ""))).replace(
            "%2", str(exc.params.get("reason", ""))
        )
    if exc.code == "insecure_connection":
        return text.replace("%1", str(exc.params.get("host", ""))).replace(
            "%2", str(exc.params.get("sslmode", ""))
        )
    if exc.code == "rule" and exc.message:
        # A rule's own message says which rule; the translated lead-in says what it is.
        return f"{text} ({exc.message})"
    return text


def _check_digit_sentence(exc: KnownError) -> str:
    """A searched customer number or business ID whose check digit is wrong."""
    sentences = {
        "customer_number": QCoreApplication.translate(
            "errors",
            "%1 is not a valid customer number: its check digit (the last digit) is wrong. "
            "Check the number.",
        ),
        "business_id": QCoreApplication.translate(
            "errors",
            "%1 is not a valid business ID: its check digit (after the dash) is wrong. "
            "Check the ID.",
        ),
        "customer_number_or_business_id": QCoreApplication.translate(
            "errors",
            "%1 is neither a valid customer number nor a valid business ID: the check digit "
            "(the last digit) is wrong. Check the number.",
        ),
    }
    text = sentences.get(str(exc.params.get("kind")))
    if text is None:
        return QCoreApplication.translate(
            "errors", "The check digit of the number is wrong. Check the number."
        )
    return text.replace("%1", str(exc.params.get("text", "")))
