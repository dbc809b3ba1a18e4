"""Translated names of the register's closed vocabularies (sources, purposes, levels…).

Panels of every feature use these so that a data source or a purpose reads the same
everywhere in the desk.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kkdesk.domain.enums import CustomerType, DataSource, Language, Purpose
from kkdesk.domain.levels import Level


def source_label(source: DataSource | str) -> str:
    labels = {
        DataSource.CUSTOMER_PHONE: QCoreApplication.translate(
            "labels", "Customer's notification by phone"
        ),
        DataSource.CUSTOMER_LETTER: QCoreApplication.translate(
            "labels", "Customer's notification by letter"
        ),
        DataSource.CUSTOMER_EMAIL: QCoreApplication.translate(
            "labels", "Customer's notification by e-mail"
        ),
        DataSource.CUSTOMER_WEBSHOP: QCoreApplication.translate(
            "labels", "Customer's notification in the webshop"
        ),
        DataSource.CUSTOMER_IN_PERSON: QCoreApplication.translate(
            "labels", "Customer's notification in person"
        ),
        DataSource.PUBLIC_SOURCE: QCoreApplication.translate("labels", "Public source"),
        DataSource.PARTNER: QCoreApplication.translate("labels", "Partner"),
        DataSource.UPDATE_SERVICE: QCoreApplication.translate(
            "labels", "Update service (e.g. address changes)"
        ),
    }
    try:
        return labels[DataSource(source)]
    except ValueError:
        return str(source)


# Written only by the server when it collects reads made outside kkdesk (migration 0011);
# not a purpose a user can choose, so not a member of Purpose.
OUTSIDE_KKDESK = "outside_kkdesk"


def purpose_label(purpose: Purpose | str) -> str:
    labels = {
        Purpose.CUSTOMER_SERVICE: QCoreApplication.translate("labels", "Customer service"),
        Purpose.ORDER_HANDLING: QCoreApplication.translate("labels", "Order handling"),
        Purpose.SUBJECT_REQUEST: QCoreApplication.translate("labels", "Data subject's request"),
        Purpose.MARKETING: QCoreApplication.translate("labels", "Marketing"),
        Purpose.ADMINISTRATION: QCoreApplication.translate("labels", "Administration"),
        Purpose.AUTHORITY_REQUEST: QCoreApplication.translate(
            "labels", "An authority's request based on law"
        ),
    }
    if purpose == OUTSIDE_KKDESK:
        return QCoreApplication.translate(
            "labels", "Read directly from the database, outside kkdesk"
        )
    try:
        return labels[Purpose(purpose)]
    except ValueError:
        return str(purpose)


def level_label(level: Level | str) -> str:
    labels = {
        Level.VIEWER: QCoreApplication.translate("labels", "Viewer"),
        Level.CLERK: QCoreApplication.translate("labels", "Clerk"),
        Level.MARKETING: QCoreApplication.translate("labels", "Marketing"),
        Level.PRIVACY: QCoreApplication.translate("labels", "Privacy officer"),
        Level.ADMIN: QCoreApplication.translate("labels", "Administrator"),
    }
    try:
        return labels[Level(level)]
    except ValueError:
        return str(level)


def language_label(language: Language | str) -> str:
    # Each language in its own name: a user who can't read the current UI finds theirs.
    names = {Language.FI: "suomi", Language.SV: "svenska", Language.EN: "English"}
    try:
        return names[Language(language)]
    except ValueError:
        return str(language)


def type_label(type_: CustomerType | str) -> str:
    if CustomerType(type_) is CustomerType.COMPANY:
        return QCoreApplication.translate("labels", "Company")
    return QCoreApplication.translate("labels", "Person")
