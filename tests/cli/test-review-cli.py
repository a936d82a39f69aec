#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end tests of the year-end review commands of coop-awards-cli: import-ratings, eligible
# and report statistics, run as a separate program. Usage: test-review-cli.py CLI
# Prints TAP.

import csv
import io
import os
import re
import subprocess
import sys
import tempfile
import zipfile

CLI = sys.argv[1]
TESTS = []
HEADER = ('decision_number,decision_date,authority,award,recipient_type,recipient,organisation,'
          'position,achievement,period\n')


def test(function):
    TESTS.append(function)
    return function


def run(directory, *args, expect=0):
    env = dict(os.environ)
    env['COOP_AWARDS_DB'] = os.path.join(directory, 'awards.db')
    result = subprocess.run([CLI, *args], cwd=directory, env=env, capture_output=True,
                            text=True)
    if result.returncode != expect:
        raise AssertionError('%s exited %d, not %d\nstdout: %s\nstderr: %s'
                             % (' '.join(args), result.returncode, expect, result.stdout,
                                result.stderr))
    return result


def write(directory, name, text):
    path = os.path.join(directory, name)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    return path


def award_row(number, date, authority, award, kind, recipient, organisation='', position='',
              period=''):
    return ','.join([number, date, authority, award, kind, recipient, organisation, position,
                     '', period]) + '\n'


def seed(directory):
    rows = HEADER
    for year in (2023, 2024):
        rows += award_row('%d/QĐ-HTX' % year, '%d-12-20' % year, 'HTX Bạch Đằng',
                          'Chiến sĩ thi đua cơ sở', 'individual', 'Trần Văn Ba', 'HTX Bạch Đằng',
                          'Xã viên', str(year))
    rows += award_row('2023/QĐ-HTX', '2023-12-20', 'HTX Bạch Đằng', 'Chiến sĩ thi đua cơ sở',
                      'individual', 'Lê Thị Bốn', 'HTX Bạch Đằng', 'Nhân viên', '2023')
    run(directory, 'import', write(directory, 'awards.csv', rows))


@test
def eligible_csv(directory):
    seed(directory)
    out = run(directory, 'eligible', '--year', '2024', '--format', 'csv').stdout
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ['award', 'recipient_type', 'recipient', 'organisation', 'reason', 'basis',
                       'status'], rows[0]
    by_key = {(r[0], r[2]): r for r in rows[1:]}
    ba = by_key[('Bằng khen', 'Trần Văn Ba')]
    assert ba[1] == 'individual' and ba[3] == 'HTX Bạch Đằng', ba
    assert ba[4] == '2 lần liên tục Chiến sĩ thi đua cơ sở 2023–2024', ba
    assert '06/2022/QH15' in ba[5] and ba[6] == 'eligible', ba
    near = by_key[('Chiến sĩ thi đua cấp tỉnh', 'Trần Văn Ba')]
    assert near[6].startswith('missing: còn thiếu 1 lần Chiến sĩ thi đua cơ sở'), near
    # Lê Thị Bốn's only title is of 2023: nothing in 2024.
    assert ('Bằng khen', 'Lê Thị Bốn') not in by_key

    only = run(directory, 'eligible', '--year', '2024', '--award', 'Bằng khen',
               '--format', 'csv').stdout
    assert all(r[0] == 'Bằng khen' for r in list(csv.reader(io.StringIO(only)))[1:])

    text = run(directory, 'eligible', '--year', '2024').stdout
    assert 'Trần Văn Ba (HTX Bạch Đằng): 2 lần liên tục Chiến sĩ thi đua cơ sở 2023–2024' in text

    run(directory, 'eligible', expect=2)
    run(directory, 'eligible', '--year', '2024', '--format', 'pdf', expect=2)


@test
def broken_rules_refused(directory):
    seed(directory)
    rules = write(directory, 'rules.ini', '[regime a]\nname = x\nfrom = 20x0\n')
    env_rules = os.environ.get('COOP_AWARDS_RULES')
    os.environ['COOP_AWARDS_RULES'] = rules
    try:
        err = run(directory, 'eligible', '--year', '2024', expect=1).stderr
    finally:
        os.environ['COOP_AWARDS_RULES'] = env_rules
    assert rules + ':3: “from” must be a whole number from 1900 to 2200, not “20x0”' in err, err


@test
def import_ratings(directory):
    seed(directory)
    ratings = write(directory, 'ratings.csv',
                    'recipient_type,recipient,organisation,year,rating\n'
                    'individual,Trần Văn Ba,HTX Bạch Đằng,2024,HTXSNV\n')
    bad = write(directory, 'bad.csv',
                'recipient_type,recipient,organisation,year,rating\n'
                'individual,Trần Văn Ba,HTX Bạch Đằng,2023,HTXSNV\n'
                'individual,Trần Văn Bá,HTX Bạch Đằng,2023,HTXSNV\n')
    result = run(directory, 'import-ratings', ratings, bad, expect=1)
    assert (bad + ':3: There is no person named “Trần Văn Bá” in “HTX Bạch Đằng”.'
            in result.stderr), result.stderr
    assert 'Nothing was imported.' in result.stderr
    out = run(directory, 'import-ratings', ratings).stdout
    assert 'Imported 1 ratings and 0 initiatives.' in out, out


def main():
    print('1..%d' % len(TESTS))
    failed = 0
    for number, function in enumerate(TESTS, 1):
        with tempfile.TemporaryDirectory() as directory:
            try:
                function(directory)
                print('ok %d %s' % (number, function.__name__))
            except Exception as error:  # report every failure, then go on
                failed += 1
                print('not ok %d %s' % (number, function.__name__))
                for line in str(error).splitlines() or [repr(error)]:
                    print('# ' + line)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
