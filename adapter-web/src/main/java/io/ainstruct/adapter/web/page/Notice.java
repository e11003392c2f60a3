package io.ainstruct.adapter.web.page;

/** A sentence the next page shows once, saying what the last form did. */
record Notice(String text) {
}
