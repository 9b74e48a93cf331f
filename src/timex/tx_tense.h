/* Tense cues for the date pass (timex.c): internal to src/timex. */
#ifndef TX_TENSE_H
#define TX_TENSE_H
#include <stdint.h>
#include "../doc/doc.h"

/* 1 if a word of sentence s puts it in the future ("will", "'ll",
 * "scheduled", "set to"...). */
int tx_sentence_future(const dc_doc *d, const dc_sent *s);

/* The direction the words around the expression [start, end_byte) of
 * sentence s point to:
 *    1  ahead ("until", "is to", "plans to")
 *    3  ahead, "will" or "shall" before it
 *    2  either way, the nearest ("would leave", "was scheduled for")
 *    4  ahead for a month, the nearest for a weekday ("effective",
 *       "a Friday deadline", "the period ending")
 *    5  the nearest, leaning ahead: a plan ("scheduled for Thursday")
 *   -1  back ("since", "ended")
 *   -2  a verb in the past tense
 *   -3  the same, with "on" or "in" just before the expression
 *   -4  a past verb after an expression that opens the sentence
 *    0  no cue */
int tx_direction(const dc_doc *d, const dc_sent *s, uint32_t start, uint32_t end_byte);

/* 1 if the expression sits between "the" and a noun and so names an event
 * the reader knows ("the Sept. 11 attack"), unless that is an event set
 * in advance ("the November election"). */
int tx_names_event(const dc_doc *d, const dc_sent *s, uint32_t start, uint32_t end_byte);
#endif
