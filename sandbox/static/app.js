// The sandbox's chat page: a small Telegram client for the emulator. Everything the bot sends is
// rendered from text plus entities with DOM nodes (never innerHTML), as Telegram's clients do.
"use strict";

const state = {
  bot: null,
  personas: new Map(),
  chats: [],
  messages: new Map(), // chat id -> Map(message id -> message)
  current: null, // chat id
  speaker: null, // persona id acting in the current chat
  replyTo: null,
  editing: null,
  pendingQueries: new Set(),
  connected: false,
};
const $ = (id) => document.getElementById(id);
const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

// --- talking to the sandbox ---------------------------------------------------------------

async function post(path, body) {
  const options = { method: "POST" };
  if (body instanceof FormData) options.body = body;
  else {
    options.body = JSON.stringify(body);
    options.headers = { "Content-Type": "application/json" };
  }
  const response = await fetch(path, options);
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    toast(answer.error || `the sandbox answered ${response.status}`);
    return null;
  }
  return answer;
}

async function loadWorld() {
  const world = await (await fetch("/api/world")).json();
  state.bot = world.bot;
  state.personas = new Map(world.personas.map((p) => [p.user_id, p]));
  state.chats = world.chats;
  if (state.current === null || !state.chats.some((c) => c.id === state.current)) {
    selectChat(state.chats[0].id);
  } else {
    renderChatList();
    renderSpeaker();
  }
}

function connect() {
  const events = new EventSource("/api/events");
  events.onmessage = (event) => handle(JSON.parse(event.data));
}

function chatMessages(chatId) {
  if (!state.messages.has(chatId)) state.messages.set(chatId, new Map());
  return state.messages.get(chatId);
}

function handle(event) {
  if (event.type === "snapshot") {
    if (state.connected) loadWorld(); // a reconnect, perhaps to a restarted sandbox
    state.connected = true;
    state.messages = new Map();
    for (const [id, list] of Object.entries(event.chats)) {
      chatMessages(Number(id));
      for (const message of list) chatMessages(Number(id)).set(message.message_id, message);
    }
    renderMessages();
  } else if (event.type === "message" || event.type === "edit") {
    chatMessages(event.chat_id).set(event.message.message_id, event.message);
    if (event.chat_id === state.current) {
      if (event.message.from_bot) typing(false);
      renderMessages();
    }
  } else if (event.type === "delete") {
    chatMessages(event.chat_id).delete(event.message.message_id);
    if (event.chat_id === state.current) renderMessages();
  } else if (event.type === "action" && event.chat_id === state.current) {
    typing(event.action === "typing" || event.action.startsWith("upload"));
  } else if (event.type === "answer" && state.pendingQueries.has(event.query_id)) {
    state.pendingQueries.delete(event.query_id);
    if (event.text && event.show_alert) showAlert(event.text);
    else if (event.text) toast(event.text);
  } else if (event.type === "world") {
    loadWorld();
  }
}

// --- chats and personas -------------------------------------------------------------------

function chatName(chat) {
  return chat.type === "private" ? state.personas.get(chat.id)?.name ?? "?" : chat.title;
}

function avatar(name, seed) {
  const node = el("div", "avatar", (name || "?").slice(0, 1).toUpperCase());
  node.style.background = `hsl(${(Math.abs(seed) * 47) % 360} 55% 52%)`;
  return node;
}

function renderChatList() {
  const list = $("chat-list");
  list.replaceChildren();
  for (const chat of state.chats) {
    const item = el("li");
    item.dataset.chatId = chat.id;
    if (chat.id === state.current) item.classList.add("active");
    const who = el("div", "who");
    who.append(el("div", "name", chatName(chat)));
    const persona = state.personas.get(chat.id);
    const sub = persona
      ? `${persona.role} · ${persona.language} · chat with ${state.bot.name}`
      : `group · ${chat.members.length} members and ${state.bot.name}`;
    who.append(el("div", "sub", sub));
    item.append(avatar(chatName(chat), chat.id), who);
    item.addEventListener("click", () => selectChat(chat.id));
    list.append(item);
  }
}

function currentChat() {
  return state.chats.find((c) => c.id === state.current);
}

function selectChat(chatId) {
  state.current = chatId;
  const chat = currentChat();
  state.speaker = chat.type === "private" ? chat.id : chat.members[0];
  state.replyTo = state.editing = null;
  $("sidebar").classList.remove("open");
  $("command-menu").hidden = true;
  renderChatList();
  renderSpeaker();
  renderContext();
  renderMessages();
}

function renderSpeaker() {
  const chat = currentChat();
  const group = chat.type !== "private";
  $("chat-title").textContent = group ? chat.title : state.bot.name;
  $("speaker-box").hidden = !group;
  typing(false);
  if (!group) return;
  const select = $("speaker");
  select.replaceChildren();
  for (const id of chat.members) {
    const option = el("option", "", state.personas.get(id)?.name ?? String(id));
    option.value = id;
    select.append(option);
  }
  select.value = state.speaker;
}

function typing(on) {
  const chat = currentChat();
  const persona = state.personas.get(state.speaker);
  const idle = chat && chat.type !== "private"
    ? `${chat.members.length} members and @${state.bot.username}`
    : `bot · you are ${persona?.name ?? "?"}`;
  $("chat-status").textContent = on ? `${state.bot.name} is typing…` : idle;
  clearTimeout(typing.timer);
  if (on) typing.timer = setTimeout(() => typing(false), 5000);
}

// --- messages -----------------------------------------------------------------------------

function renderMessages() {
  const box = $("messages");
  if (state.current === null) return;
  const stick = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  box.replaceChildren(...[...chatMessages(state.current).values()].map(messageNode));
  if (stick || box.dataset.chat !== String(state.current)) box.scrollTop = box.scrollHeight;
  box.dataset.chat = String(state.current);
}

function messageNode(message) {
  const chat = currentChat();
  const mine = !message.from_bot && message.sender_id === state.speaker;
  const node = el("div", mine ? "msg mine" : "msg");
  node.dataset.messageId = message.message_id;
  node.dataset.from = message.from_bot ? "bot" : "user";
  const bubble = el("div", "bubble");
  if (chat.type !== "private" && !mine) bubble.append(el("div", "sender", message.sender_name));
  const replied = message.reply_to && chatMessages(state.current).get(message.reply_to);
  if (replied) bubble.append(el("div", "quote", `${replied.sender_name}: ${snippet(replied)}`));
  if (message.media) bubble.append(mediaNode(message.media));
  const text = message.text ?? message.caption;
  if (text) {
    const body = el("div", "text");
    body.append(formatted(text, message.text !== null ? message.entities : message.caption_entities));
    bubble.append(body);
  }
  node.append(bubble);
  if (message.buttons.length) node.append(keyboardNode(message));
  node.append(metaNode(message, mine));
  return node;
}

function snippet(message) {
  if (message.text || message.caption) return (message.text || message.caption).slice(0, 80);
  return message.media ? message.media.kind : "";
}

function mediaNode(media) {
  const source = `/api/files/${encodeURIComponent(media.file_id)}`;
  if (media.kind === "photo") {
    const image = el("img");
    image.src = source;
    image.alt = "photo";
    return image;
  }
  if (media.kind === "video" || media.kind === "video_note") {
    const video = el("video", media.kind === "video_note" ? "round" : "");
    // a replay of a clip from a moment starts there (a media fragment, as Telegram would)
    video.src = media.start ? `${source}#t=${media.start}` : source;
    video.controls = true;
    video.preload = "metadata";
    return video;
  }
  if (media.kind === "voice") {
    const audio = el("audio");
    audio.src = source;
    audio.controls = true;
    return audio;
  }
  const box = el("div", "document");
  const link = el("a", "", media.file_name || "file");
  link.href = source;
  link.download = media.file_name || "file";
  box.append(el("span", "", "📄"), link);
  return box;
}

function metaNode(message, mine) {
  const meta = el("div", "meta");
  const time = new Date(message.date * 1000);
  const stamp = time.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  meta.append(`${message.edited ? "edited " : ""}${stamp}`);
  const reply = el("button", "", "reply");
  reply.addEventListener("click", () => startContext("reply", message));
  meta.append(reply);
  if (mine && message.text !== null) {
    const edit = el("button", "", "edit");
    edit.addEventListener("click", () => startContext("edit", message));
    meta.append(edit);
  }
  return meta;
}

function keyboardNode(message) {
  const keyboard = el("div", "keyboard");
  for (const row of message.buttons) {
    const line = el("div", "kb-row");
    for (const button of row) {
      const node = el("button", "", button.text);
      node.type = "button";
      node.addEventListener("click", () => pressButton(message, button));
      line.append(node);
    }
    keyboard.append(line);
  }
  return keyboard;
}

async function pressButton(message, button) {
  if (button.data !== null) {
    const answer = await post("/api/press", {
      chat_id: state.current, user_id: state.speaker, message_id: message.message_id, data: button.data,
    });
    if (answer) state.pendingQueries.add(answer.query_id);
  } else if (button.url) {
    openLink(button.url);
  }
}

// Telegram's formatting, from entities: offsets count UTF-16 code units, as JavaScript does.
function formatted(text, entities) {
  const sorted = [...(entities || [])].sort((a, b) => a.offset - b.offset || b.length - a.length);
  const fragment = document.createDocumentFragment();
  build(fragment, text, sorted, 0, text.length);
  return fragment;
}

function build(parent, text, entities, start, end) {
  let position = start;
  let index = 0;
  while (index < entities.length) {
    const entity = entities[index];
    const entityEnd = entity.offset + entity.length;
    if (entity.offset < position || entityEnd > end) { index += 1; continue; }
    if (entity.offset > position) parent.append(text.slice(position, entity.offset));
    const inner = [];
    let next = index + 1;
    while (next < entities.length && entities[next].offset < entityEnd) {
      inner.push(entities[next]);
      next += 1;
    }
    const node = entityNode(entity, text.slice(entity.offset, entityEnd));
    build(node.querySelector("code") || node, text, inner, entity.offset, entityEnd);
    parent.append(node);
    position = entityEnd;
    index = next;
  }
  if (position < end) parent.append(text.slice(position, end));
}

const TAGS = { bold: "b", italic: "i", underline: "u", strikethrough: "s", code: "code" };

function entityNode(entity, covered) {
  if (TAGS[entity.type]) return el(TAGS[entity.type]);
  if (entity.type === "pre") {
    const pre = el("pre");
    pre.append(el("code"));
    return pre;
  }
  if (entity.type === "blockquote" || entity.type === "expandable_blockquote") return el("blockquote");
  if (entity.type === "spoiler") {
    const spoiler = el("span", "spoiler");
    spoiler.addEventListener("click", () => spoiler.classList.add("shown"));
    return spoiler;
  }
  if (entity.type === "text_link" || entity.type === "url") {
    const target = entity.type === "url" ? covered : entity.url;
    const link = el("a");
    if (safeUrl(target)) {
      link.href = target.includes("://") ? target : `https://${target}`;
      link.addEventListener("click", (event) => { event.preventDefault(); openLink(link.href); });
    }
    return link;
  }
  if (entity.type === "bot_command") {
    const command = el("a", "command");
    command.href = "#";
    command.addEventListener("click", (event) => { event.preventDefault(); sendText(covered); });
    return command;
  }
  return el("span", entity.type);
}

function safeUrl(url) {
  return typeof url === "string" && (/^(https?|tg):\/\//i.test(url) || !/^[a-z]+:/i.test(url));
}

// A t.me link to this bot starts it with the link's payload, as Telegram would; others open.
function openLink(url) {
  const match = url.match(/^https?:\/\/t\.me\/([A-Za-z0-9_]+)\?start=([A-Za-z0-9_-]{1,64})$/);
  if (match && state.bot && match[1].toLowerCase() === state.bot.username.toLowerCase()) {
    openDeepLink(match[2]);
  } else if (/^https?:\/\//i.test(url)) {
    window.open(url, "_blank", "noopener,noreferrer");
  }
}

// An invite is opened by someone else: ask which persona follows the link, then go there.
function openDeepLink(payload) {
  const personas = [...state.personas.values()];
  const menu = personas.map((p, i) => `${i + 1}. ${p.name}`).join("\n");
  const picked = window.prompt(`Open this link as which persona?\n${menu}`, "1");
  const persona = personas[Number(picked) - 1];
  if (!persona) return;
  selectChat(persona.user_id);
  sendText(`/start ${payload}`);
}

// --- writing ------------------------------------------------------------------------------

function startContext(kind, message) {
  state.replyTo = kind === "reply" ? message.message_id : null;
  state.editing = kind === "edit" ? message.message_id : null;
  if (kind === "edit") $("text").value = message.text;
  renderContext();
  $("text").focus();
}

function renderContext() {
  const chat = state.current !== null && chatMessages(state.current);
  const id = state.editing ?? state.replyTo;
  const message = chat && id !== null ? chat.get(id) : null;
  $("context-bar").hidden = !message;
  if (message) {
    const what = state.editing !== null ? "Editing" : `Reply to ${message.sender_name}`;
    $("context-text").textContent = `${what}: ${snippet(message)}`;
  }
}

async function sendText(text) {
  const body = { chat_id: state.current, user_id: state.speaker, text };
  if (state.editing !== null) {
    body.message_id = state.editing;
    state.editing = null;
    renderContext();
    return post("/api/edit", body);
  }
  if (state.replyTo !== null) body.reply_to = state.replyTo;
  state.replyTo = null;
  renderContext();
  return post("/api/send", body);
}

async function sendFile(file) {
  const form = new FormData();
  const kind = /^image\/(png|jpeg|gif)$/.test(file.type) ? "photo"
    : file.type.startsWith("video/") ? "video" : "document";
  form.append("chat_id", state.current);
  form.append("user_id", state.speaker);
  form.append("kind", kind);
  form.append("caption", $("text").value.trim());
  form.append("file", file, file.name);
  $("text").value = "";
  await post("/api/upload", form);
}

async function toggleMenu() {
  const menu = $("command-menu");
  if (!menu.hidden) { menu.hidden = true; return; }
  const query = new URLSearchParams({ user_id: state.speaker, chat_id: state.current });
  const { commands = [] } = await (await fetch(`/api/commands?${query}`)).json();
  menu.replaceChildren();
  for (const { command, description } of commands) {
    const item = el("li");
    item.append(el("span", "cmd", `/${command}`), el("span", "", description));
    item.addEventListener("click", () => {
      menu.hidden = true;
      const group = currentChat().type !== "private";
      sendText(group ? `/${command}@${state.bot.username}` : `/${command}`);
    });
    menu.append(item);
  }
  if (!commands.length) menu.append(el("li", "", "The bot has set no commands yet."));
  menu.hidden = false;
}

function toast(text) {
  const box = $("toast");
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, 2500);
}

function showAlert(text) {
  $("alert-text").textContent = text;
  $("alert").hidden = false;
}

function wire() {
  $("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("text").value;
    if (!text.trim()) return;
    $("text").value = "";
    sendText(text);
  });
  $("text").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      $("composer").requestSubmit();
    }
  });
  $("menu-button").addEventListener("click", toggleMenu);
  $("attach-button").addEventListener("click", () => $("file-input").click());
  $("file-input").addEventListener("change", (event) => {
    const [file] = event.target.files;
    if (file) sendFile(file);
    event.target.value = "";
  });
  $("context-cancel").addEventListener("click", () => {
    if (state.editing !== null) $("text").value = "";
    state.replyTo = state.editing = null;
    renderContext();
  });
  $("speaker").addEventListener("change", (event) => {
    state.speaker = Number(event.target.value);
    renderMessages();
    typing(false);
  });
  $("toggle-chats").addEventListener("click", () => $("sidebar").classList.toggle("open"));
  $("alert-ok").addEventListener("click", () => { $("alert").hidden = true; });
  $("add-persona").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    const persona = await post("/api/personas", {
      name: form.elements.namedItem("name").value,
      language: form.elements.namedItem("language").value,
      role: form.elements.namedItem("role").value,
    });
    if (!persona) return;
    form.reset();
    await loadWorld();
    selectChat(persona.user_id);
  });
}

wire();
loadWorld().then(connect);
