#!/bin/sh
# Installs the one-folder bundle (dist/kkdesk from `make package`) system-wide, with its
# desktop entry, icons and AppStream metadata:
#
#   sudo packaging/linux/install.sh dist/kkdesk            # into /opt/kkdesk
#   sudo PREFIX=/usr/local packaging/linux/install.sh dist/kkdesk
#
# Writes nothing in any user's home: preferences, the embedded database and the logs are
# made per user on first start. Uninstall: remove the files listed at the end.
set -eu
bundle=${1:?usage: install.sh BUNDLE_FOLDER}
here=$(cd "$(dirname "$0")" && pwd)
icons=$here/../../kkdesk/resources/icons/hicolor
[ -d "$icons" ] || icons=$bundle/_internal/kkdesk/resources/icons/hicolor
PREFIX=${PREFIX:-/usr}
OPT=${OPT:-/opt/kkdesk}
ID=fi.konekesko.kkdesk

rm -rf "$OPT"
mkdir -p "$OPT"
cp -a "$bundle"/. "$OPT"/
ln -sf "$OPT/kkdesk" "$PREFIX/bin/kkdesk"
install -D -m 0644 "$here/$ID.desktop" "$PREFIX/share/applications/$ID.desktop"
install -D -m 0644 "$here/$ID.metainfo.xml" "$PREFIX/share/metainfo/$ID.metainfo.xml"
for file in "$icons"/*/apps/kkdesk.*; do
    size=$(basename "$(dirname "$(dirname "$file")")")
    install -D -m 0644 "$file" "$PREFIX/share/icons/hicolor/$size/apps/$(basename "$file")"
done
# Menus and launchers pick up the new entry and icons.
command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" || true
echo "installed: $OPT, $PREFIX/bin/kkdesk, $PREFIX/share/applications/$ID.desktop,"
echo "  $PREFIX/share/metainfo/$ID.metainfo.xml, $PREFIX/share/icons/hicolor/*/apps/kkdesk.*"
