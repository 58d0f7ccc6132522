/**
 * The live training page: {@link dev.beak.web.live.RunRecorder} turns a fit into events, a
 * {@link dev.beak.web.live.RunLog} keeps them (and writes {@code events.jsonl} in the run folder),
 * {@link dev.beak.web.live.LiveServer} serves the page and streams the events (server-sent events whose
 * ids are the event numbers, so a reload replays the run), {@link dev.beak.web.live.RunFollower} reads a
 * run folder back for {@code beak dashboard}; {@link dev.beak.web.live.LivePage} ties them together for one fit.
 */
package dev.beak.web.live;
