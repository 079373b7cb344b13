#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that a translation is complete.

Extracts the messages of every file in po/POTFILES.in (as the build's
plan-monitor-pot target does, with the glib preset), merges them into the
translation and runs `msgfmt --check --statistics`: any untranslated or fuzzy
message, or a message of the sources missing from the .po, fails.

usage: check-translation.py SOURCE_ROOT LANGUAGE
"""

import os
import subprocess
import sys
import tempfile

# The keywords of meson's i18n.gettext (preset: 'glib').
KEYWORDS = [
    '_', 'N_', 'C_:1c,2', 'NC_:1c,2', 'g_dcgettext:2', 'g_dngettext:2,3',
    'g_dpgettext2:2c,3',
]


def main():
    root, language = sys.argv[1], sys.argv[2]
    po = os.path.join(root, 'po', language + '.po')
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'messages.pot')
        xgettext = ['xgettext', '--from-code=UTF-8', '--add-comments', '--package-name=plan-monitor',
                    '-D', root, '-f', os.path.join(root, 'po', 'POTFILES.in'), '-o', pot]
        xgettext += ['--keyword=' + k for k in KEYWORDS]
        done = subprocess.run(xgettext, capture_output=True, text=True)
        if done.returncode != 0:
            print(done.stderr)
            return 1
        with open(pot, encoding='utf-8') as f:
            text = f.read()
        with open(pot, 'w', encoding='utf-8') as f:
            f.write(text.replace('charset=CHARSET', 'charset=UTF-8'))

        if os.path.getsize(po) == 0:
            count = text.count('\nmsgid ') - 1
            print(f'{language}: {po} is empty; {count} messages to translate')
            return 1

        merged = os.path.join(tmp, language + '.po')
        subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot], check=True)

        result = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, merged],
                                capture_output=True, text=True)
        report = (result.stdout + result.stderr).strip()
        print(f'{language}: {report}')
        if result.returncode != 0:
            return 1
        if 'untranslated' in report or 'fuzzy' in report:
            missing = subprocess.run(['msgattrib', '--untranslated', merged],
                                     capture_output=True, text=True).stdout
            fuzzy = subprocess.run(['msgattrib', '--only-fuzzy', merged],
                                   capture_output=True, text=True).stdout
            ids = [line for line in (missing + fuzzy).splitlines() if line.startswith('msgid "') and line != 'msgid ""']
            print('untranslated or fuzzy, for example:')
            for line in ids[:20]:
                print('  ' + line)
            return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
