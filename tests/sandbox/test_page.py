"""A person in a phone-sized browser: onboard, log sets, see a chart — in the sandbox page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.sandbox.conftest import CHROMIUM_FLAGS, REPO_ROOT, Sandbox

ARTIFACTS = REPO_ROOT / "test-artifacts"
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser: Browser, sandbox: Sandbox) -> Iterator[tuple[Page, list[str]]]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(sandbox.url + "/")
    yield page, requested
    context.close()


def bot_messages(page: Page) -> list[str]:
    return page.locator('.msg[data-from="bot"] .bubble').all_inner_texts()


def send(page: Page, text: str) -> None:
    page.get_by_label("Message").fill(text)
    page.get_by_label("Message").press("Enter")


def last_bot_message(page: Page):  # type: ignore[no-untyped-def] - a Playwright Locator
    return page.locator('.msg[data-from="bot"]').last


def test_a_newcomer_onboards_logs_two_sets_and_sees_a_chart(
    phone: tuple[Page, list[str]], sandbox: Sandbox
) -> None:
    page, requested = phone
    expect(page.get_by_role("note")).to_contain_text("not Telegram")

    send(page, "/start")
    page.get_by_role("button", name="kg", exact=True).click()
    page.get_by_role("button", name="nSuns 5/3/1 LP, 4 days").click()
    send(page, "bench 100 squat 140 ohp 60 deadlift 180")
    expect(last_bot_message(page)).to_contain_text("/today")

    send(page, "/today")
    expect(last_bot_message(page)).to_contain_text("(0/17)")
    last_bot_message(page).get_by_role("button", name="✅ Done").click()
    expect(last_bot_message(page)).to_contain_text("(1/17)")
    send(page, "8")
    expect(last_bot_message(page)).to_contain_text("(2/17)")
    # The third set: 85% of bench's TM (90 kg) is 76.5, rounded to the 2.5 kg step.
    expect(last_bot_message(page)).to_contain_text(re.compile(r"77\.5 kg × 4"))

    last_bot_message(page).get_by_role("button", name="🏁 Finish").click()
    expect(page.locator('.msg[data-from="bot"]', has_text="Sets")).not_to_have_count(0)
    send(page, "/progress")
    chart = page.locator('.msg[data-from="bot"] .bubble img').last
    expect(chart).to_be_visible(timeout=20_000)
    assert chart.evaluate("image => image.naturalWidth") > 300

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "sandbox-phone.png"))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the page scrolls sideways on a phone"
    assert requested, "the page made no requests at all"
    assert all(url.startswith(sandbox.url + "/") for url in requested), [
        url for url in requested if not url.startswith(sandbox.url + "/")
    ]
