<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>ActivityLog</name>
    <message>
        <source>⚠ line {line}: {reason} (dropped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ line {line}: {reason} (post kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{source}: {state} — {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>camera: {state} — {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream: connecting to {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream: live again ({reconnects} reconnects)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream: live to {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream: lost, reconnecting — {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream: ended after {length}, {dropped} dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream: could not go on — {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: {question} → {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: {question} → {state} ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: {question} starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: {question} unstarred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: preview → {question}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: walls held (holding slate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: walls back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: overlay {overlay} on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: overlay {overlay} off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: {switched}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: start the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: stop the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recording {name} started ({width}×{height})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recording {name} stopped: {length}, {dropped} dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: go live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: end the stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: photo {name} on the video wall for {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: moderation rules changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: heat map {view}, {mode}, half-life {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: heat map reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: step {number} ({step})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X cost at {spent}, {share} of the {cap} budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X budget of {cap} reached: reading stopped; posting still works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>guest signed in to X as {handle}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>guest signed out of X ({handle}): {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>guest&apos;s X token dropped ({handle}), not revoked: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: post queued “{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: post edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: post retried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: post cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: post marked posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outbox: posted {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outbox: failed ({reason}), next try at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ outbox: a post needs you — {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outbox: saved, not posted ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outbox: rehearsal, not posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: cue to the guest “{cue}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the guest acknowledged the cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: cue withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ the guest asks for help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: answered the guest&apos;s call for help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… %n more event(s) came too fast to list here (the journal and the CSV export have them all)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Actor</name>
    <message>
        <source>operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>segment cue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>rules kept for this session (start with --settings FILE to save them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rules apply, but could not be saved to {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rules saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or touch and hold the photo to save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link has expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This photo link has expired or does not exist. Ask the team at the booth for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heat-map wall saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session {id} (resumed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session {id}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Asks</name>
    <message>
        <source>asks the guest a question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asks the guest a question, without a question mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asks the guest indirectly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asks the guest to tell or do something</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a short question to the guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken as a question by the operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asks nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an exclamation, not a question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a reaction: the question marks are emphasis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a rhetorical question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a question the post answers itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asks the other fans, not the guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asks the production (the stream, the sound, a replay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a greeting formula</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speaks of the guest, not to them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quotes someone else&apos;s question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a link or an advertisement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asks for an answer, not a question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a question, said the operator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoothView</name>
    <message>
        <source>Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polaroid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boomerang clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shoot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you {hashtag}!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unforgettable moment in the Blue Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, live from the Blue Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live from the Blue Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boomerang: a moment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>booth · final photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} could not be written ({error}): it goes on as it was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>booth · signed photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} could not be written ({error}): it goes on unsigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>booth · signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} could not be read ({error}): the frame goes over the signed photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rehearsal: saved, not posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saved, not posted: no X account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strike a pose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this one?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign it with your finger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a frame and a caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One moment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mirror opens in a moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team is getting the photo booth ready for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>posted on X by the room, with the event&apos;s hashtag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept by the team, not posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not posted, not kept for the event</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BroadcastStats</name>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {hours} h {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>miss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fps: frames painted a second · p50, p95: paint time in ms (median, 95th percentile, last 5 s) · of: the frame budget in ms · miss, drop: frames missed and dropped since the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no camera: nothing to record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REC {length}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk: {time} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no stream set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LIVE {length}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n reconnect(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{count} sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{share} of %n core(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{name} not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rate} kbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} dropped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraDetail</name>
    <message>
        <source>camera {index}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} {width}x{height} @ {fps} fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} {width}x{height} @ fps unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped (capture thread still blocked in a read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end of file {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no frame for {seconds} s — unplugged?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read failed on {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file not found: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not open {path} (unreadable or corrupt file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>camera {index} could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream {path} could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not reopen {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: cannot decode the video ({frames} bad frames)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: cannot decode the video (no readable frame)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraState</name>
    <message>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>This costs more on X: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no account (no posting credentials)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the room&apos;s X account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REHEARSAL — nothing will be posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer, as the guest gave it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the room says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photo chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply to the question on air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post a photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {account}, in reply to {who}: “{question}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {account}; {hashtag} is added when missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No question is on air to reply to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing written yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{over} characters too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A photo is a JPEG or PNG file, a clip an MP4 or GIF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos and clips (*.jpg *.jpeg *.png *.mp4 *.gif *.JPG *.JPEG *.PNG *.MP4 *.GIF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo is no longer there: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post this from {account}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In reply to {who} (post {id}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the clip {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the photo {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} of {most} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question will be marked answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REHEARSAL: nothing will be posted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will be saved, not posted: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CostLine</name>
    <message>
        <source>{amount} of {budget}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount}, no budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reads} reads · {posts} posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prices {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X is pay-per-use: what this session has cost so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads {amount}: {reads} posts, {owned} of the room&apos;s own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes {amount}: {posts} posts, {linked} with a link, {media} media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices as published {date} (settings: [cost])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} reads of posts already read today, not billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} reads counted without post ids: a post read twice today is counted twice here, once by X (the amount may be a little high)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget reached: reading stopped; posting still works; raise cost.budget and start again to go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading stops at the budget; posting never does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X cost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CueCard</name>
    <message>
        <source>Time to wrap up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish your thought: we move on in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whenever you are ready, take the next question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Feeds</name>
    <message>
        <source>Ingest — posts per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{state} — {detail} — {position}, %n post(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{state} — {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source · {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X · {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok — {written} events written, last batch {milliseconds} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{queued} queued, {delivered} delivered, {shed} shed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{queue} — STALLED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bus · {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{seconds} s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reconnecting in {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last post {ago}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no post yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n reconnect(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n stall(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no back-fill (access)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>back-filled {posts} in %n gap(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>search budget {left}/{limit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(resets in {minutes} min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lines} lines recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstPostView</name>
    <message>
        <source>{name} here, live from the Blue Room. See you in a moment! {hashtag}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live from the Blue Room. See you in a moment! {hashtag}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hello everyone! I&apos;m in the Blue Room right now: ask me your questions with {hashtag}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Happy to be here today. Your questions, live, with {hashtag} ✨</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to post from your own account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a new code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write your first post, or pick an idea below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post this?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) too many</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{hashtag} will be added at the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From your account {handle}, for everyone to see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in to X is not set up in this room today: the team will help you post from your phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan this code with your phone&apos;s camera, then approve on X. Your post will go out from your own account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in did not work: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your post is on its way to X.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your first post is on X. Scan the code to see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X did not take it yet ({reason}). It is tried again by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a rehearsal: nothing was posted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It did not go out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason}. The team has been told.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GalleryPanel</name>
    <message numerus="yes">
        <source>Boomerangs: %n made</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>one in the making</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n shed (the clip maker was busy)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n camera frame(s) missed while collecting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed, the last: {reason}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Save the photos kept in memory to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booth caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A caption offered to the guest on the booth&apos;s frame step (empty: none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>final</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take-home QR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SAVED — not posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take home: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booth caption…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save them elsewhere…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard them…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n photo(s) kept in memory, not on disk: {reason}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save them in {folder}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) saved in {folder}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discard %n photo(s) kept in memory? They were never saved.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Discard photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n older photo(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) in {folder}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> · {posted} posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photos yet in {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photos yet: {folder} does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booth caption offered: {caption}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booth caption withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting is not available here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is no longer there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} on the video wall for {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {name}? It is moved to the {deleted} folder beside it (not erased). A post already made stays on the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete a photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete {name}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuestCuesRow</name>
    <message>
        <source>A cue for the guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the guest reads (a line or two):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cue sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ acknowledged {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withdrawn {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cue the guest ▾</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say something…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw the cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cue sent to the guest: {cue}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuestMenu</name>
    <message>
        <source>Guest signed in to X as {handle}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the guest to approve on X…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest sign-in failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest not signed in to X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign the guest in on this computer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign the guest in from their phone (QR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign the guest out (revoke their token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X&apos;s sign-in page opened in the browser: {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this address in a browser to sign the guest in: {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in QR code is on the guest panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing the guest out of X…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuestPanel</name>
    <message>
        <source>Blue Room — guest panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are live: everyone following sees you now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ON CAMERA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is what the room&apos;s video wall shows. This room is not streaming.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STEP {number} OF {steps}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LAST STEP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mirror wakes up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mirror will be back in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mirror comes back when a camera is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>THE MIRROR</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeatMapControls</name>
    <message>
        <source>a map box is four numbers: west, south, east, north</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heat-map wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>west, south, east, north</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min half-life</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heat map: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the heat map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear every point and counter of the heat map? The posts stay in the journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heat map reset</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeatText</name>
    <message>
        <source>{share} exact position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{share} place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{share} profile city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{share} profile country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{share} not located</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeatmapWall</name>
    <message>
        <source>Blue Room — heat-map wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Europe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>France</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paris region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>World</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of all posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the conversation is, live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>countries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TOP CITIES</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpAlert</name>
    <message>
        <source>I&apos;m on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest&apos;s call for help is answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✋ The guest asks for help (since {time})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpButton</name>
    <message>
        <source>Help is on the way…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone is coming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HoldingSlate</name>
    <message>
        <source>We&apos;ll be right back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HourTimeline</name>
    <message>
        <source>No plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leaves {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeysSheet</name>
    <message>
        <source>Moving in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>previous question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the newest, up to the new posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pick none; from the search box, back to the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search text, @author or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the views: pending, flagged, approved…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deciding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approve and put in preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reject: then 1–9 a reason, 0 another, R none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stash for later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>back to the queue; in Not questions, a question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undo the last decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preview the picked question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>take the preview on air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the picked question on air now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the question on air is answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next segment; the first starts the hour (a clicker)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>back to the previous segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start the hour, or resume its clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pause the segment&apos;s clock, or resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skip the segment after this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one more minute for this segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plan the hour: the guest, the script, the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tabs in the feeds&apos; place too, and back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hold every wall on a calm slate, and back (any window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>World</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Europe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>France</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paris region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live (fading)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModerationQueue</name>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No question waiting — new ones appear here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in stashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts for the guest that ask nothing appear here: Q takes one as a question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starred first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1 or ? every key · J K move · A approve · Enter approve and preview · R reject with a reason · P preview · T take on air · D answered · Ctrl+Z undo · / search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve  A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject  R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Star  S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stash  H</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to queue  Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a question  N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview  P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take  T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On air now  O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered  D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo  Ctrl+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A question in the trash cannot go on air: put it back first (Q)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search text or @author  ( / )</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected question, in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) — showing the first {shown}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select a question first (click it, or use ↑ ↓)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a question to reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;0  Another reason…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;R  No reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why (shown in the trash and the export):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a question to approve and preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question on air cannot be demoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a question to star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a question to preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in preview: select a question and press P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a question to put on air</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Monitors</name>
    <message>
        <source>Questions wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live video wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heat-map wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click: bring this window to the front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed — click to reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No wall open: each wall and the guest panel show here, small</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>Capitals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>?123</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AZERTY or QWERTY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ABC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard layout: {layout}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperatorConsole</name>
    <message>
        <source>posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>posts / s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up {elapsed}   ·   {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blue Room — operator console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BLUE ROOM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REHEARSAL — nothing is posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold the walls  F12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every wall and the guest panel on a calm holding slate at once, and back (F12, from any window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the ingest rate and the feeds again  F10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the tabs the feeds&apos; place  F10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walls held — release  F12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walls held: the holding slate is on every screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walls back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hour is planned: the guest panel follows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox ⚠ {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broadcast ⚠</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>The post&apos;s text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QUEUED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SENDING…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OUTCOME UNKNOWN — reading the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POSTED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED — next try at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEEDS YOU — posted or not?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEEDS YOU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SAVED, NOT POSTED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REHEARSAL — not posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>post</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n older post(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>📷 {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marked posted by a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the account: if the post is there, Mark posted; if not, Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply to {who}, whose question is on air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No question is on air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REHEARSAL — nothing is posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not posting: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting as {account}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No question is on air to reply to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply queued; the question is marked answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send it again? Only if it is not on {account}: the room could not tell whether it went out.

{text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A post needs some text: not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{over} characters too long: not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked posted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Overlay</name>
    <message>
        <source>LIVE badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question on air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name strap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashtag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booth photo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanningDialog</name>
    <message>
        <source>first visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>follows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan the hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>French</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cooking, football…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for the map&apos;s home-town cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>when started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no hard end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home town</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest leaves at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts how</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A segment of your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add after the selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This plan&apos;s script is not among the room&apos;s scripts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This script has nothing for this level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script&apos;s segments for this level, as written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} segments · {minutes} min · {start} → {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min past the guest&apos;s departure ({time})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fits before the guest leaves ({time})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgramPanel</name>
    <message>
        <source>ON AIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing on air — arm a question (P) and take it (T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PREVIEW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a question and press P to arm it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T take on air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a fan</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{who}  ·  asked by %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Programme</name>
    <message>
        <source>LIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ON CAMERA</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgrammePanel</name>
    <message>
        <source>{size} GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started: {free} MB free in {folder}, {needed} MB needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: the disk is nearly full ({free} MB left); the file is complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: the disk refused to write ({error}); the file plays up to {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: {error}; the file plays up to {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk: about {minutes} min of recording left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sound: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stream address in the settings ([stream] url)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stream address is wrong: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stream key: set BLUEROOM_STREAM_KEY in the environment or the keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encoder failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach {address}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{address} does not speak RTMP (is it the right port?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{address} stopped answering: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{address} did not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{address} refused the connection{detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the key{detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the key (it closed the connection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost {address}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{address} closed the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server stopped the stream{detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Go live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlays on the video wall, the recording and the stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>■ Stop recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>■ End the stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt {attempt}, next try in {seconds} s: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera: nothing to stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stream set up: an address in [stream] url, the key in BLUEROOM_STREAM_KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to {address}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LIVE {length} · {kbps} kbit/s · {sent} sent · {dropped} dropped · {reconnects} reconnects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting to {address} · live {length} · {dropped} dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not streaming: it could not go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not streaming · {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recording yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more in the folder</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No camera: nothing to record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REC {length} · {frames} frames · {dropped} dropped · {size} · {free} free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recording · {free} free</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionPicker</name>
    <message>
        <source>The questions open a little later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your fans are already writing them: the team reads each one for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap a question to answer it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team is choosing the first questions for you…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More questions ▸  {page}/{pages}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ON AIR — you are answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the team — on air in a moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a fan</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{who}  ·  asked by %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Answer this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionState</name>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a question</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionsWall</name>
    <message>
        <source>Blue Room — questions wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>our guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you for your questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow {guest} with {hashtag}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask {guest} anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post your question with {hashtag}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ON AIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FROM THE AUDIENCE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UP NEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions appear here once the team has read them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With {guest}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your questions appear here soon: post them with {hashtag}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) are being read by the team</source>
        <translation>
            <numerusform>%n question is being read by the team</numerusform>
            <numerusform>%n questions are being read by the team</numerusform>
        </translation>
    </message>
    <message>
        <source>YOUR QUESTIONS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a fan</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>+%n asking the same</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueList</name>
    <message>
        <source>PENDING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>APPROVED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TRASH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ON AIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ANSWERED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STASHED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT A QUESTION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>asked by %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n supporter(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new account(s) not counted</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✕ {who}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing here</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>↑ %n new</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>unknown author</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n follower(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>blocked user: @{handle}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slur: &quot;{excerpt}&quot; matches &quot;{term}&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked word: &quot;{excerpt}&quot; matches &quot;{term}&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profanity: &quot;{excerpt}&quot; matches &quot;{term}&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>insult: &quot;{excerpt}&quot; matches &quot;{term}&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hashbomb: {tags} hashtags, mentions or links and no words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link: {host}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mention spam: {count} mentions (more than {most})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flood: over {posts} posts in {seconds} s from @{handle}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the author&apos;s name: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flood: over {posts} posts in {seconds} s from one author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>support burst: {supporters} supporters have accounts under {days} days old (not counted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto-approved: clean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected by operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offensive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spam or promotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not for the guest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoomSwitch</name>
    <message>
        <source>Q wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q&amp;A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>questions wall on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>questions wall resting (hashtag and guest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q&amp;A open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q&amp;A closed (questions still moderated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>booth armed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>booth disarmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>badge on: LIVE while streaming, else ON CAMERA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>badge off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoomSwitches</name>
    <message>
        <source>Questions wall: on, it shows the questions; off, it rests on the hashtag and the guest&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q&amp;A open: the guest picks questions and the wall invites them; closed, the guest&apos;s pick view says they open later (questions are still moderated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booth armed: the mirror&apos;s photo booth is open to the guest; disarmed, it says it opens in a moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live step&apos;s badge on the video wall: LIVE only while a stream runs, ON CAMERA without one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>let through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flag for the moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reject (to the trash)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profanity: {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>insults: {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>links: {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hashbombs: {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flood &gt; {posts} in {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n blocked word(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blocked user(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trusted</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>AUTO-APPROVE CLEAN QUESTIONS: ON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every question approved by a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderation rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one per line: word, stem*, or a phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one handle per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>links to these are fine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-approve clean questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions no rule objects to go to the wall without a person approving them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profanity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slurs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insults (idiot, débile…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashtag/mention-only posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More @-mentions than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flood: more posts than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support from accounts younger than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed link domains</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunOfShowPanel</name>
    <message>
        <source>on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run of show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan…  F9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest, the script and its timeline (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the hour, or resume (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the segment&apos;s clock, or resume (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the previous segment (Page Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next segment (Page Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the segment after this one (F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One more minute for this segment (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped: {segment}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hour is over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started · F5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrap up · of {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ending · of {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over · of {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PAUSED · {words}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ends {end} · guest leaves {leaves}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ends {end} · planned {planned}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>follows at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by hand, about {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: {segment} · {how}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{segment} {planned} → {now} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop {segment} ({minutes} min)  F7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop {segment} ({minutes} min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-timed to end by {time}: {changes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still {time} late.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cues: none sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cues: %n sent</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n by hand: {cues}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunningOrder</name>
    <message>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved — next on the wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No approved question yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderation rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n post(s) to {path}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Moderation rules changed: they apply to new posts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting questions to {path}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInCard</name>
    <message>
        <source>Sign in with your X account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan with your phone&apos;s camera, then approve on X.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as {handle}. Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in did not work: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceDetail</name>
    <message>
        <source>{file} at {speed}×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} at max speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} at {speed}×, loop {loop}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} at max speed, loop {loop}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: {posts} posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} stopped at line {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replay stopped: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loop {loop}, line {line}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceState</name>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>looping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sparkline</name>
    <message>
        <source>peak {rate}/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakeHome</name>
    <message>
        <source>Your photo on your phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo&apos;s link is not available: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the photo server is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signal? Join the Wi-Fi “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted: {url}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VideoWall</name>
    <message>
        <source>Blue Room — live video wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This room runs without a camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera stopped sending pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{detail} · trying again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live in the Blue Room · {hashtag}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} asks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowsMenu</name>
    <message>
        <source>Operator console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live video wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heat-map wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full screen on {screen}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behind the console on {screen}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window on {screen}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed: click to reopen it on {screen}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minimised: click to show it on {screen}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on {current}: click to put it back on {screen}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{window}: the settings name a screen {wanted} that is not here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{window}: no screen is known to have touch, so it went to the smallest (choose with screens.guest_panel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewer screens than windows: {windows} share {screen}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put every window back in its place</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
