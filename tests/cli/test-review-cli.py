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
    assert 'Imported 1 rating and 0 initiatives.' in out, out


def seed_statistics(directory):
    rows = HEADER
    province = 'UBND thành phố Hải Phòng'
    rows += award_row('1/QĐ-UBND', '2023-12-20', province, 'Bằng khen', 'individual',
                      'Trần Văn Ba', 'HTX Bạch Đằng', 'Chủ nhiệm HTX', '2023')
    rows += award_row('1/QĐ-UBND', '2023-12-20', province, 'Bằng khen', 'collective',
                      'HTX Bạch Đằng', '', '', '2023')
    rows += award_row('1/QĐ-UBND', '2023-12-20', province, 'Cờ thi đua', 'collective',
                      'Công ty TNHH Quý Cao', '', '', '2023')
    rows += award_row('2/QĐ-UBND', '2024-05-20', province, 'Chiến sĩ thi đua cấp tỉnh',
                      'individual', 'Lê Văn Cường', 'HTX Tân Hưng', 'Xã viên', '2024')
    # 20/12/2024 belongs to the reporting year 2025, 30/11/2023 to 2023.
    rows += award_row('3/QĐ-UBND', '2024-12-20', province, 'Bằng khen', 'individual',
                      'Lê Văn Cường', 'HTX Tân Hưng', 'Xã viên', '2024')
    rows += award_row('4/QĐ-UBND', '2023-11-30', province, 'Bằng khen', 'individual',
                      'Lê Văn Cường', 'HTX Tân Hưng', 'Xã viên', '2023')
    rows += award_row('9/QĐ-CTN', '2024-06-20', 'Chủ tịch nước', 'Huân chương Lao động hạng Ba',
                      'collective', 'HTX Bạch Đằng', '', '', '2024')
    rows += award_row('8/QĐ-TTg', '2024-03-20', 'Thủ tướng Chính phủ',
                      'Bằng khen của Thủ tướng Chính phủ', 'individual', 'Trần Văn Ba',
                      'HTX Bạch Đằng', 'Chủ nhiệm HTX', '2024')
    rows += award_row('5/QĐ-HTX', '2024-06-20', 'HTX Bạch Đằng', 'Giấy khen', 'individual',
                      'Lê Văn Cường', 'HTX Tân Hưng', 'Xã viên', '2024')
    run(directory, 'import', write(directory, 'awards.csv', rows))
    return {'central': ('Chủ tịch nước', 'Thủ tướng Chính phủ'), 'province': (province,)}


def form_rows(directory, form, year):
    out = run(directory, 'report', 'statistics', '--form', form, '--year', str(year),
              '--format', 'csv').stdout
    rows = list(csv.reader(io.StringIO(out)))
    return rows[0], {r[0]: r for r in rows[1:]}


@test
def statistics_totals_match_summary(directory):
    authorities = seed_statistics(directory)
    out = run(directory, 'report', 'summary', '--from', '2023-12-01', '--to', '2024-11-30',
              '--format', 'csv').stdout
    summary = list(csv.reader(io.StringIO(out)))[1:-1]

    def total(names, column):
        return sum(int(r[column]) for r in summary if r[0] in names)

    for form, level, row_collective, row_individual in (('0602', 'central', '04', '07'),
                                                        ('0603', 'province', '02', '05')):
        header, rows = form_rows(directory, form, 2024)
        assert header[:4] == ['ma_so', 'chi_tieu', 'don_vi_tinh', '1. Tổng số'], header
        collectives = total(authorities[level], 2)
        individuals = total(authorities[level], 3)
        assert int(rows['01'][3]) == collectives + individuals, (form, rows['01'])
        assert int(rows[row_collective][3]) == collectives, (form, rows[row_collective])
        assert int(rows[row_individual][3]) == individuals, (form, rows[row_individual])

    header, rows = form_rows(directory, '0603', 2024)
    assert header[4:] == ['2. Bằng khen', '3. Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh',
                          '4. Cờ thi đua cấp bộ, ban, ngành, tỉnh',
                          '5. Kỷ niệm chương, Huy hiệu'], header
    assert rows['01'][3:] == ['4', '2', '1', '1', '0'], rows['01']
    assert rows['03'][3:] == ['1', '0', '0', '1', '0'], rows['03']     # Công ty TNHH: enterprise
    assert rows['09'][3] == '1' and rows['10'][3] == '1', (rows['09'], rows['10'])
    header, rows = form_rows(directory, '0602', 2024)
    # Column 1 the total, 2 Huân chương to collectives, 12 Bằng khen of the PM to individuals.
    assert rows['01'][3:5] == ['2', '1'] and rows['01'][14] == '1', rows['01']

    run(directory, 'report', 'statistics', '--form', '0604', '--year', '2024', expect=2)
    run(directory, 'report', 'statistics', '--form', '0603', expect=2)


@test
def statistics_pdf_words_whole(directory):
    """A narrow column of form 0602 sets its heading smaller rather than cut "thưởng"."""
    seed_statistics(directory)
    pdf = os.path.join(directory, 'form.pdf')
    run(directory, 'report', 'statistics', '--form', '0602', '--year', '2024', '--format', 'pdf',
        '--output', pdf)
    text = subprocess.run(['pdftotext', '-enc', 'UTF-8', pdf, '-'], check=True,
                          capture_output=True, text=True).stdout
    assert 'Giải' in text and 'Minh' in text, text
    for cut in ('thưởn-', 'thưở-', 'thưởn\n', 'thưở\n'):
        assert cut not in text, (cut, text)


def sheet_cells(path):
    """The text of every cell of the first sheet by reference, and the merged ranges."""
    with zipfile.ZipFile(path) as archive:
        shared = re.findall(r'<t[^>]*>([^<]*)</t>',
                            archive.read('xl/sharedStrings.xml').decode('utf-8'))
        sheet = archive.read('xl/worksheets/sheet1.xml').decode('utf-8')
    cells = {}
    for ref, attributes, value in re.findall(r'<c r="([A-Z]+[0-9]+)"([^>]*)><v>([^<]*)</v>',
                                             sheet):
        cells[ref] = shared[int(value)] if ' t="s"' in attributes else value
    merges = re.findall(r'<mergeCell ref="([A-Z0-9:]+)"/>', sheet)
    return cells, merges


@test
def statistics_xlsx(directory):
    seed_statistics(directory)
    path = os.path.join(directory, 'form.xlsx')
    run(directory, 'report', 'statistics', '--form', '0603', '--year', '2024', '--format',
        'xlsx', '--output', path, '--unit', 'Liên minh HTX thành phố Hải Phòng')
    cells, merges = sheet_cells(path)
    texts = set(cells.values())
    for expected in ('Biểu số: 0603.N/BNV-TĐKT',
                     'Đơn vị báo cáo: Liên minh HTX thành phố Hải Phòng',
                     'Chỉ tiêu', 'Mã số', 'Đơn vị tính', 'Tổng số', 'Chia ra', 'Bằng khen',
                     '1. Tập thể', 'Trong đó: Doanh nghiệp', '3. Cá nhân', 'Người lập biểu'):
        assert expected in texts, expected
    # The heading "Chia ra" covers the four award columns; the stub headings two rows.
    chia_ra = [ref for ref, text in cells.items() if text == 'Chia ra'][0]
    row = int(re.sub('[A-Z]', '', chia_ra))
    assert '%s:H%d' % (chia_ra, row) in merges, merges
    assert 'A%d:A%d' % (row, row + 1) in merges, merges
    # Row 01 of the form, as numbers under columns D..H.
    total_row = [ref for ref, text in cells.items() if text == '01' and ref.startswith('B')][0]
    n = total_row[1:]
    assert [cells['%s%s' % (c, n)] for c in 'DEFGH'] == ['4', '2', '1', '1', '0'], cells

    pdf = os.path.join(directory, 'form.pdf')
    run(directory, 'report', 'statistics', '--form', '0602', '--year', '2024', '--format', 'pdf',
        '--output', pdf)
    with open(pdf, 'rb') as f:
        assert f.read(5) == b'%PDF-'


@test
def summary_defaults_to_reporting_year(directory):
    import datetime
    today = datetime.date.today()
    year = today.year + 1 if today.month == 12 else today.year
    first = datetime.date(year - 1, 12, 1)
    rows = HEADER
    rows += award_row('1/QĐ', first.isoformat(), 'UBND thành phố Hải Phòng', 'Bằng khen',
                      'collective', 'HTX Bạch Đằng', '', '', str(year))
    rows += award_row('2/QĐ', (first - datetime.timedelta(days=1)).isoformat(),
                      'UBND thành phố Hải Phòng', 'Bằng khen', 'collective', 'HTX Tân Hưng', '',
                      '', str(year - 1))
    run(directory, 'import', write(directory, 'awards.csv', rows))
    out = run(directory, 'report', 'summary', '--format', 'csv').stdout
    assert out.splitlines()[-1] == 'TOTAL,,1,0', out


@test
def clerk_tables(directory):
    seed(directory)
    out = run(directory, 'staff-class').stdout
    assert 'Chủ nhiệm\tleader_other' in out and 'Xã viên\tworker' in out, out
    out = run(directory, 'staff-class', 'Tổ trưởng sản xuất', 'worker').stdout
    assert 'Tổ trưởng sản xuất\tworker' in out, out
    out = run(directory, 'staff-class', 'Tổ trưởng sản xuất', 'none').stdout
    assert 'Tổ trưởng sản xuất' not in out, out
    run(directory, 'staff-class', 'Tổ trưởng', 'boss', expect=2)
    # HTX Bạch Đằng granted the CSTĐ cơ sở of the seed: a base-level authority.
    assert run(directory, 'authority-level', 'HTX Bạch Đằng').stdout == 'HTX Bạch Đằng\tbase\n'
    out = run(directory, 'authority-level', 'HTX Bạch Đằng', 'district').stdout
    assert out == 'HTX Bạch Đằng\tdistrict\n', out
    run(directory, 'authority-level', 'Nobody', expect=1)


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
