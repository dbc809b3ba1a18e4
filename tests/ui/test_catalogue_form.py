"""The data catalogue walked through the desk: every field the catalogue puts on the form
has its row on the customer form (or the contact person dialog), and every field has a
label of its own in English and in Finnish and Swedish."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from kkdesk.domain import catalogue
from kkdesk.domain.catalogue import Kind, Role, Table, ValueType
from kkdesk.services.session import DeskSession
from kkdesk.ui import customer_form
from kkdesk.ui.customer_form import CustomerForm
from kkdesk.ui.dialogs import ContactDialog
from kkdesk.ui.errors import field_label
from kkdesk.ui.i18n import Translations
from kkdesk.ui.tasks import TaskRunner


def _on_form(table: Table) -> set[str]:
    return set(catalogue.names(catalogue.form_fields(table)))


def test_the_customer_form_has_a_row_for_every_form_field(
    qtbot: object, desk_ds: DeskSession, runner: TaskRunner, english: Translations
) -> None:
    form = CustomerForm(desk_ds, runner)
    qtbot.addWidget(form)  # type: ignore[attr-defined]
    assert set(form.fields.editors) == _on_form(Table.CUSTOMER)
    assert set(customer_form.FORM_FIELDS) == _on_form(Table.CUSTOMER)
    for kind, shown in ((Kind.PERSON, customer_form.PERSON_ONLY),
                        (Kind.COMPANY, customer_form.COMPANY_ONLY)):  # fmt: skip
        only = {f.name for f in catalogue.only_for(Table.CUSTOMER, kind) if f.on_form}
        assert set(shown) == only, kind
    dates = {f.name for f in catalogue.form_fields(Table.CUSTOMER) if f.type is ValueType.DATE}
    assert set(customer_form.DATE_FIELDS) == dates


def test_the_contact_dialog_has_a_row_for_every_contact_field(
    qtbot: object, english: Translations
) -> None:
    dialog = ContactDialog(None, "FI")
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert set(dialog.fields.editors) == _on_form(Table.CONTACT_PERSON)
    assert catalogue.names(catalogue.form_fields(Table.CONTACT_PERSON)) == ContactDialog.FIELDS


@pytest.fixture
def languages(qapp: QApplication) -> Iterator[Translations]:
    translations = Translations()
    yield translations
    translations.install("en")


def test_every_data_field_has_a_translated_label(languages: Translations) -> None:
    """The desk names a field in its errors, the change history and the merge after a
    refused save by the catalogue's label key."""
    keys = {f.key for f in catalogue.FIELDS if f.role in (Role.DATA, Role.CONTROLLER)}
    languages.install("en")
    english = {key: field_label(key) for key in keys}
    for key, label in english.items():
        assert label and label != key, key
    for lang in ("fi", "sv"):
        languages.install(lang)
        for key in keys:
            assert field_label(key) != english[key], (lang, key)
