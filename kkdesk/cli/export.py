"""``kkdesk export marketing``: a marketing file that honours every prohibition and consent.

The file holds exactly the customers whose current state allows the purpose on the channel
(rules in ``docs/consents.md``); each export is recorded as a disclosure listing its
customers. ``--count`` only previews how many there would be.
"""

from __future__ import annotations

import argparse
import sys

from kkdesk.cli.common import Context
from kkdesk.cli.export_portability import SubParsers, export_group
from kkdesk.domain.consent import EXPORT_CHANNELS, MarketingChannel, MarketingPurpose
from kkdesk.services import marketing


def register(sub: SubParsers) -> None:
    p = export_group(sub).add_parser(
        "marketing",
        help="a marketing file honouring prohibitions and consents",
        description="Write the customers whose prohibitions and consents allow PURPOSE on "
        "CHANNEL as CSV (UTF-8). E-mail and SMS need consent; post is allowed unless "
        "prohibited; an objection or a restriction stops everything. The export is "
        "recorded as a disclosure.",
    )
    p.add_argument(
        "--purpose", required=True, choices=[x.value for x in MarketingPurpose], metavar="PURPOSE",
        help="one of: " + ", ".join(x.value for x in MarketingPurpose),
    )  # fmt: skip
    p.add_argument("--channel", required=True, choices=[c.value for c in EXPORT_CHANNELS],
                   help="post (opt-out: allowed unless prohibited), email or sms (opt-in: "
                   "only with consent)")  # fmt: skip
    p.add_argument("-o", "--output", metavar="FILE.csv", help="the file to write")
    p.add_argument(
        "--recipient",
        default="",
        metavar="NAME",
        help=f"who receives the file (default: {marketing.DEFAULT_RECIPIENT})",
    )
    p.add_argument("--count", action="store_true", help="only print how many there would be")
    p.set_defaults(handler=_marketing)


def _marketing(args: argparse.Namespace, ctx: Context) -> int:
    purpose, channel = MarketingPurpose(args.purpose), MarketingChannel(args.channel)
    if args.count:
        print(marketing.preview(ctx.open(), purpose, channel))
        return 0
    if not args.output:
        print("kkdesk: -o FILE.csv is required (or --count).", file=sys.stderr)
        return 2
    result = marketing.export(ctx.open(), purpose, channel, args.output, recipient=args.recipient)
    print(
        f"Wrote {result.count} customers to {result.path} "
        f"(recorded as disclosure {result.disclosure_id})."
    )
    return 0
