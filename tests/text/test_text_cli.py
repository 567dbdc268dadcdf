"""``detente text`` commands through click's CliRunner."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from detente.text.cli import text

PAGES_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


def test_clean_shows_rules(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("April 20, 2021\n\nTalks resume\n\nThe two sides met on Monday, officials said.\n\n"
                    "%d bloggers like this:\n", encoding="utf-8")
    res = CliRunner().invoke(text, ["clean", str(page)])
    assert res.exit_code == 0, res.output
    assert "pub_date: 2021-04-20 (text:en.mdy)" in res.output
    assert "xx.bloggers_like" in res.output and "en.dateline" in res.output


def test_date_and_lang_commands():
    res = CliRunner().invoke(text, ["date", "上周日，两国外长通了电话。", "--lang", "zh", "--pub-date", "2024-04-25"])
    assert res.exit_code == 0 and res.output.strip() == "2024-04-21\tday"
    res = CliRunner().invoke(text, ["date", "x", "--lang", "en", "--pub-date", "25/04/2024"])
    assert res.exit_code != 0 and "not a date" in res.output
    res = CliRunner().invoke(text, ["lang", "Ngoại trưởng hai nước hội đàm"])
    assert res.exit_code == 0 and res.output.startswith("vi\t")


def test_eval_furniture_command():
    res = CliRunner().invoke(text, ["eval-furniture", str(PAGES_DIR)])
    assert res.exit_code == 0 and res.output.startswith("pages 31")


def test_every_command_has_help():
    for name, cmd in text.commands.items():
        assert cmd.help, name
        assert CliRunner().invoke(text, [name, "--help"]).exit_code == 0
