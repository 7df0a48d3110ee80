"""A person in a phone-sized browser: onboard, log sets, see a chart — in the sandbox page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, ViewportSize, expect, sync_playwright

from tests.sandbox.conftest import CHROMIUM_FLAGS, REPO_ROOT, Sandbox, start_sandbox

ARTIFACTS = REPO_ROOT / "test-artifacts"
PHONE: ViewportSize = {"width": 360, "height": 740}


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


def send(page: Page, text: str) -> None:
    page.get_by_label("Message").fill(text)
    page.get_by_label("Message").press("Enter")


def last_bot_message(page: Page) -> Locator:
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

    typed = page.locator(".msg.mine", has_text="8").last
    typed.get_by_role("button", name="edit").click()
    expect(page.locator("#context-bar")).to_contain_text("Editing: 8")
    send(page, "7")
    expect(last_bot_message(page)).to_contain_text(
        "Updated Bench press (volume) set 2: 67.5 kg × 7"
    )

    page.locator('.msg[data-from="bot"]', has_text="set 3 of 9").last.get_by_role(
        "button", name="🏁 Finish"
    ).click()
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


def test_personas_keep_their_own_chats_and_languages(phone: tuple[Page, list[str]]) -> None:
    page, _ = phone
    page.get_by_role("button", name="Chats").click()
    page.get_by_role("complementary").get_by_text("Маша", exact=True).click()
    expect(page.locator("#chat-status")).to_contain_text("you are Маша")

    send(page, "/start")
    expect(last_bot_message(page)).to_contain_text("в килограммах или фунтах")
    unsafe = '<img src=x onerror="document.title=1"> & <b>bold?</b>'
    send(page, unsafe)
    mine = page.locator(".msg.mine .bubble").last
    expect(mine).to_have_text(re.compile(re.escape(unsafe)))
    assert mine.locator("img, b").count() == 0, "a persona's text was rendered as HTML"

    page.get_by_role("button", name="Menu").click()
    expect(page.locator("#command-menu")).to_contain_text("/today")
    page.get_by_role("button", name="Menu").click()

    page.get_by_role("button", name="Chats").click()
    page.get_by_label("Name").fill("Kim")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator("#chat-status")).to_contain_text("you are Kim")
    expect(page.locator(".msg")).to_have_count(0)  # a new persona's chat starts empty


def test_the_demo_athlete_arrives_with_three_months_of_training(
    browser: Browser, tmp_path: Path
) -> None:
    demo = start_sandbox(tmp_path, "--demo")
    try:
        assert "Alex: " in "".join(demo.output)
        context = browser.new_context(viewport={"width": 1280, "height": 860})
        page = context.new_page()
        page.goto(demo.url + "/")
        send(page, "/history")
        expect(last_bot_message(page)).to_contain_text("Bench volume, OHP")
        send(page, "/progress")
        chart = page.locator('.msg[data-from="bot"] .bubble img').first
        expect(chart).to_be_visible(timeout=20_000)
        page.screenshot(path=str(ARTIFACTS / "sandbox-desktop.png"))
        context.close()
    finally:
        printed = demo.stop()
    assert demo.process.returncode == 0, printed


def test_a_coach_invites_another_persona_by_tapping_the_link(
    phone: tuple[Page, list[str]],
) -> None:
    page, _ = phone
    page.get_by_role("button", name="Chats").click()
    page.get_by_role("complementary").get_by_text("Coach Sam", exact=True).click()
    send(page, "/coach")
    page.get_by_role("button", name="🎓 Become a coach").click()
    page.get_by_role("button", name="🔗 Invite link (one client)").click()
    link = page.get_by_role("link", name=re.compile(r"spotter_sandbox_bot\?start=c"))
    expect(link).to_be_visible()

    page.once("dialog", lambda dialog: dialog.accept("1"))  # opened as the first persona, Alex
    link.click()

    expect(page.locator("#chat-status")).to_contain_text("you are Alex")
    expect(last_bot_message(page)).to_contain_text("Coach Sam invites you to train with them")
    last_bot_message(page).get_by_role("button", name="✅ Accept").click()
    expect(
        page.locator('.msg[data-from="bot"]', has_text="You are training with Coach Sam")
    ).to_have_count(1)
