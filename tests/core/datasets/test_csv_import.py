import codecs

import numpy as np
import pytest

from core import datasets
from core.datasets import load_csv

WINES = """alcohol,ash,colour,kind
13.2,2.4,5.1,red
12.1,2.1,3.3,white
13.9,2.6,6.0,red
11.8,1.9,2.9,white
13.5,2.5,5.6,red
12.3,2.0,3.1,white
"""

NO_SPLIT = dict(validation_split=0.0, test_split=0.0, scaling="none")


def write(tmp_path, text, name="wines.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_header_label_by_name_and_text_classes(tmp_path):
    data = load_csv(write(tmp_path, WINES), "kind", "binary", **NO_SPLIT)
    assert data.name == "wines.csv" and data.task == "binary"
    assert data.feature_names == ("alcohol", "ash", "colour") and data.class_names == ("red", "white")
    np.testing.assert_allclose(data.X_train[1], [12.1, 2.1, 3.3], rtol=1e-6)
    np.testing.assert_array_equal(data.y_train, [0, 1, 0, 1, 0, 1])


def test_a_path_typed_from_the_home_folder_is_read_as_a_shell_reads_it(tmp_path, monkeypatch):
    """"~/wines.csv" typed into the Data panel was said not to exist."""
    monkeypatch.setenv("HOME", str(tmp_path))
    write(tmp_path, WINES)
    assert load_csv("~/wines.csv", "kind", "binary", **NO_SPLIT).name == "wines.csv"


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_files(tmp_path, delimiter):
    data = load_csv(write(tmp_path, WINES.replace(",", delimiter)), -1, "multiclass", **NO_SPLIT)
    assert data.n_features == 3 and data.class_names == ("red", "white")


def test_a_semicolon_file_from_a_russian_spreadsheet_has_decimal_commas(tmp_path):
    text = "спирт;зола;\"класс; сорт\"\n13,2;2,4;1\n12,1;-2,1;2\n13,9;2,6;1,0\n11,8;1,9;2\n"
    data = load_csv(write(tmp_path, text), -1, "multiclass", **NO_SPLIT)
    assert data.feature_names == ("спирт", "зола") and data.class_names == ("1", "2")
    np.testing.assert_allclose(data.X_train[:, 1], [2.4, -2.1, 2.6, 1.9], rtol=1e-6)
    np.testing.assert_array_equal(data.y_train, [0, 1, 0, 1])  # 1 and 1,0 are one class
    regression = load_csv(write(tmp_path, text.replace("1,0\n", "1,5\n")), -1, "regression", **NO_SPLIT)
    assert sorted(set(regression.y_train.ravel().tolist())) == [1.0, 1.5, 2.0]


def test_a_delimiter_inside_a_quoted_header_name_is_not_the_files(tmp_path):
    text = '"weight; kg",height,label\n1.5,2,a\n2.5,3,b\n'
    data = load_csv(write(tmp_path, text), -1, "multiclass", **NO_SPLIT)
    assert data.feature_names == ("weight; kg", "height") and data.class_names == ("a", "b")


def test_numeric_labels_written_differently_are_one_class(tmp_path):
    rows = "".join(f"{i},{label}\n" for i, label in enumerate(["1", "1.0", "2", "02", "2.0", "1e0"]))
    data = load_csv(write(tmp_path, rows), 1, "multiclass", **NO_SPLIT)
    assert data.class_names == ("1", "2")
    np.testing.assert_array_equal(data.y_train, [0, 0, 1, 1, 1, 0])


def test_file_without_header_numbers_columns_and_sorts_numeric_labels_as_numbers(tmp_path):
    rows = "".join(f"{i},{i * 0.5},{label}\n" for i, label in enumerate([2, 10, 1, 2, 10, 1]))
    data = load_csv(write(tmp_path, rows), 2, "multiclass", **NO_SPLIT)
    assert data.feature_names == ("column 1", "column 2")
    assert data.class_names == ("1", "2", "10")
    np.testing.assert_array_equal(data.y_train, [1, 2, 0, 1, 2, 0])
    np.testing.assert_allclose(data.X_train[:, 1], np.arange(6) * 0.5)


def test_regression_needs_numbers_in_every_feature_column(tmp_path):
    # A column of words among the features is most likely the labels: the message says so.
    with pytest.raises(ValueError, match=r"column 4 \('kind'\) holds text \('red', …\), not numbers: if it holds "
                                         r"the labels, choose it as the label column") as caught:
        load_csv(write(tmp_path, WINES), "ash", "regression")
    assert caught.value.option == "label_column"
    with pytest.raises(ValueError, match=r"row 4, column 2 \('ash'\): 'two' is not a number") as caught:
        load_csv(write(tmp_path, WINES.replace("13.9,2.6", "13.9,two")), "kind")
    assert caught.value.option == "path"


def test_regression_needs_numbers_as_labels(tmp_path):
    with pytest.raises(ValueError, match=r"the labels in column 4 \('kind'\) are text \('red'\); the task "
                                         r"'regression' needs numbers") as caught:
        load_csv(write(tmp_path, WINES), "kind", "regression")
    assert caught.value.option == "task"


def test_regression_targets(tmp_path):
    text = "x,y\n" + "".join(f"{i},{3 * i + 1}\n" for i in range(20))
    data = load_csv(write(tmp_path, text), "y", "regression", **NO_SPLIT)
    np.testing.assert_allclose(data.y_train[:, 0], 3 * np.arange(20) + 1)
    assert data.y_train.dtype == np.float32


def test_registered_as_the_csv_data_set_with_splits(tmp_path):
    text = "a,b,label\n" + "".join(f"{i},{i % 7},{'yes' if i % 2 else 'no'}\n" for i in range(50))
    data = datasets.load("csv", path=write(tmp_path, text), label_column="label", task="binary")
    assert (len(data.X_train), len(data.X_val), len(data.X_test)) == (36, 4, 10)
    assert abs(data.X_train.mean(axis=0)).max() < 1e-5  # tables are standardised by default


@pytest.mark.parametrize("text, message", [
    (WINES.replace("2.1,3.3", "2.1,n/a"), r"row 3, column 3 \('colour'\): missing value \('n/a'\)"),
    (WINES.replace("2.6,6.0", "2.6,"), r"row 4, column 3 \('colour'\): missing value \(''\)"),
    (WINES.replace("12.1,2.1", "12.1,2,1"), r"row 3 has 5 cells but the header has 4: column 5 is extra"),
    (WINES.replace("11.8,1.9,2.9,white", "11.8,1.9,2.9"), r"row 5 has 3 cells but the header has 4: "
                                                          r"column 4 \('kind'\) is missing"),
    (WINES.replace("13.9,2.6", "13.9,two"), r"row 4, column 2 \('ash'\): 'two' is not a number"),
    (WINES.replace("white", "red"), r"column 4 \('kind'\): every row has the label 'red'; classification "
                                    r"needs at least two classes"),
    (WINES.replace("12.3,2.0,3.1,white", "12.3,2.0,3.1,rosé"), r"column 4 \('kind'\) has 3 classes "
                                                              r"\(red, rosé, white\); the task 'binary' needs exactly two"),
    (WINES.replace("5.6,red", "5.6,"), r"row 6, column 4 \('kind'\): the label is missing"),
    ("alcohol,kind\n", "has a header but no data rows"),
    ("\n\n", "has no rows"),
    (WINES.replace("13.9,2.6", "13.9,2e39"), r"row 4, column 2 \('ash'\): '2e39' is beyond ±1.7e38, the largest "
                                            r"value the engine can scale in its 32-bit numbers \(±3.4e38\)"),
    # Within float32, but 3e38 − (−3e38) is not: scaled to [0, 1], the column became NaN.
    (WINES.replace("13.9,2.6", "13.9,3e38").replace("11.8,1.9", "11.8,-3e38"), r"row 4, column 2 \('ash'\): '3e38' "
                                                                              r"is beyond ±1.7e38"),
    (WINES.replace("2.5,5.6", '2.5,"5.6') + "x" * 200_000, r"a quote \(\"\) opens a cell that never ends"),
    (WINES.replace("2.5,5.6", '2.5,"5.6'), r"row 6: a quote \(\"\) opens a cell that does not end on that row"),
])
def test_bad_files_are_refused_naming_row_and_column(tmp_path, text, message):
    with pytest.raises(ValueError, match=message):
        load_csv(write(tmp_path, text), "kind" if "kind" in text else -1, "binary")


@pytest.mark.parametrize("label_column, task, message", [
    ("grape", "binary", "no column named 'grape'; the columns are: alcohol, ash, colour, kind"),
    (7, "binary", "the label column 7 must be a column name or an index in -4 … 3"),
    ("kind", "ordinal", "task 'ordinal' is not one of binary, multiclass, regression"),
])
def test_bad_label_column_or_task(tmp_path, label_column, task, message):
    with pytest.raises(ValueError, match=message):
        load_csv(write(tmp_path, WINES), label_column, task)


@pytest.mark.parametrize("text, label_column, message", [
    (WINES, "9" * 10_000, r"no column named '9{60}…'; the columns are: alcohol, ash, colour, kind$"),
    (WINES, 10 ** 4000, r"the label column '10{59}…' must be a column name"),
    (WINES.replace("13.9,2.6", "13.9," + "two" * 5000), "kind",
     r"row 4, column 2 \('ash'\): '(two){20}…' is not a number"),
    ("".join(f"c{j}," for j in range(1000)) + "kind\n" + "0," * 1000 + "a\n" + "1," * 1000 + "b\n", "grape",
     r"the columns are: c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, …$"),
])
def test_a_problem_quotes_at_most_a_line_of_what_the_file_or_the_user_gave(tmp_path, text, label_column, message):
    """A label column pasted 10,000 characters long, or a file of a thousand columns, filled the Data panel with its
    problem, which pushed the settings out of sight."""
    with pytest.raises(ValueError, match=message):
        load_csv(write(tmp_path, text), label_column)


def test_a_path_must_be_a_file_name(tmp_path):
    with pytest.raises(ValueError, match="2024 is not a file name; choose a CSV file"):
        load_csv(2024)


def test_a_class_of_one_example_asks_for_more_or_for_regression(tmp_path):
    text = "x,measure\n" + "".join(f"{i},{i * 1.5}\n" for i in range(30))  # every label different
    with pytest.raises(ValueError, match=r"class 0 \(and 29 other classes\) has a single example.*the task is "
                                         r"regression"):
        datasets.load("csv", path=write(tmp_path, text), label_column="measure")


def test_a_label_name_needs_a_header(tmp_path):
    with pytest.raises(ValueError, match="the file has no header"):
        load_csv(write(tmp_path, "1,2,a\n3,4,b\n"), "kind", "binary", header=False)


def test_a_large_file_reports_its_progress_and_a_raising_progress_ends_the_reading(tmp_path, monkeypatch):
    from core.datasets import csv_import

    monkeypatch.setattr(csv_import, "PARSED_LINES", 1000)
    monkeypatch.setattr(csv_import, "CONVERTED_ROWS", 1000)
    path = tmp_path / "large.csv"
    path.write_text("a,b,label\n" + "".join(f"{i},{-i},{i % 3}\n" for i in range(4500)))
    reports = []
    dataset = datasets.load("csv", path=str(path), progress=lambda done, total: reports.append((done, total)))
    assert dataset.n_classes == 3
    done = [report[0] for report in reports]
    assert {total for _, total in reports} == {2 * 4501} and done == sorted(done) and done[-1] == 2 * 4501
    assert len(reports) >= 9, "the lines split, then the rows converted, a thousand at a time"

    class Closed(Exception):
        pass

    def stop(done, total):
        raise Closed

    with pytest.raises(Closed):
        load_csv(path, progress=stop)
    assert datasets.load("moons", progress=stop).n_classes == 2, "a data set that reports nothing takes none"


TEMPERATURES = "Température;Humidité;Météo\n21,5;40;clair\n18,0;85;pluie\n23,1;35;clair\n16,4;90;pluie\n"


@pytest.mark.parametrize("encoding, assumed", [("utf-8", None), ("utf-8-sig", None), ("cp1252", "Windows-1252"),
                                               ("latin-1", "Windows-1252")])
def test_a_file_not_in_utf_8_is_read_as_windows_1252_and_says_so(tmp_path, encoding, assumed):
    """A header "Température" saved by Excel in Windows-1252 was refused as not UTF-8."""
    path = tmp_path / "meteo.csv"
    path.write_bytes(TEMPERATURES.encode(encoding))
    data = load_csv(path, "Météo", "binary", **NO_SPLIT)
    assert data.feature_names == ("Température", "Humidité") and data.class_names == ("clair", "pluie")
    assert data.encoding == assumed
    assert ("(read as Windows-1252: not UTF-8)" in data.describe()) == (assumed is not None)


@pytest.mark.parametrize("encoding, mark, named", [("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16 LE"),
                                                   ("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16 BE")],
                         ids=["LE", "BE"])
def test_a_file_in_utf_16_with_a_byte_order_mark_is_read_as_such_and_says_so(tmp_path, encoding, mark, named):
    """Excel's "Unicode text" (UTF-16 LE with a byte order mark, tab-separated, CRLF) was refused as no text."""
    path = tmp_path / "meteo.txt"
    path.write_bytes(mark + TEMPERATURES.replace(";", "\t").replace("\n", "\r\n").encode(encoding))
    data = load_csv(path, "Météo", "binary", **NO_SPLIT)
    assert data.feature_names == ("Température", "Humidité") and data.class_names == ("clair", "pluie")
    np.testing.assert_allclose(data.X_train, [[21.5, 40], [18, 85], [23.1, 35], [16.4, 90]], rtol=1e-6)
    assert data.encoding == named and f"(read as {named}: not UTF-8)" in data.describe()


@pytest.mark.parametrize("content", [b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
                                     "a,b\n1,2\n".encode("utf-16-le"), b"a,b\n1,\x81\n",
                                     codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", codecs.BOM_UTF16_LE + bytes(8),
                                     codecs.BOM_UTF32_LE + "a,b\n".encode("utf-32-le")])
def test_a_file_that_is_no_text_is_refused_as_such(tmp_path, content):
    """A workbook (a zip), UTF-16 text without a byte order mark, bytes that no Windows-1252 text holds, and after a
    UTF-16 byte order mark a lone surrogate, NUL characters, or UTF-32 (whose mark starts as UTF-16 LE's)."""
    path = tmp_path / "table.csv"
    path.write_bytes(content)
    with pytest.raises(ValueError, match="table.csv is not a text file .*; export it from your spreadsheet as CSV"):
        load_csv(path)
