<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>ActivityLog</name>
    <message>
        <source>⚠ line {line}: {reason} (dropped)</source>
        <translation>⚠ ligne {line}&#x202f;: {reason} (ignorée)</translation>
    </message>
    <message>
        <source>⚠ line {line}: {reason} (post kept)</source>
        <translation>⚠ ligne {line}&#x202f;: {reason} (post conservé)</translation>
    </message>
    <message>
        <source>{source}: {state} — {detail}</source>
        <translation>{source}&#x202f;: {state} — {detail}</translation>
    </message>
    <message>
        <source>camera: {state} — {detail}</source>
        <translation>caméra&#x202f;: {state} — {detail}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>question {id}</source>
        <translation>question {id}</translation>
    </message>
    <message>
        <source>Wrap up</source>
        <translation>Conclure</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>Question suivante</translation>
    </message>
    <message>
        <source>stream: connecting to {address}</source>
        <translation>direct&#x202f;: connexion à {address}</translation>
    </message>
    <message>
        <source>stream: live again ({reconnects} reconnects)</source>
        <translation>direct&#x202f;: de retour à l&apos;antenne ({reconnects} reconnexions)</translation>
    </message>
    <message>
        <source>stream: live to {address}</source>
        <translation>direct&#x202f;: à l&apos;antenne vers {address}</translation>
    </message>
    <message>
        <source>stream: lost, reconnecting — {why}</source>
        <translation>direct&#x202f;: perdu, reconnexion — {why}</translation>
    </message>
    <message>
        <source>stream: ended after {length}, {dropped} dropped</source>
        <translation>direct&#x202f;: terminé après {length}, {dropped} images perdues</translation>
    </message>
    <message>
        <source>stream: could not go on — {why}</source>
        <translation>direct&#x202f;: impossible de continuer — {why}</translation>
    </message>
    <message>
        <source>{who}: {question} → {state}</source>
        <translation>{who}&#x202f;: {question} → {state}</translation>
    </message>
    <message>
        <source>{who}: {question} → {state} ({reason})</source>
        <translation>{who}&#x202f;: {question} → {state} ({reason})</translation>
    </message>
    <message>
        <source>{who}: {question} starred</source>
        <translation>{who}&#x202f;: {question} en favori</translation>
    </message>
    <message>
        <source>{who}: {question} unstarred</source>
        <translation>{who}&#x202f;: {question} retirée des favoris</translation>
    </message>
    <message>
        <source>{who}: preview → {question}</source>
        <translation>{who}&#x202f;: prête → {question}</translation>
    </message>
    <message>
        <source>{who}: walls held (holding slate)</source>
        <translation>{who}&#x202f;: murs sur l&apos;écran d&apos;attente</translation>
    </message>
    <message>
        <source>{who}: walls back</source>
        <translation>{who}&#x202f;: murs rétablis</translation>
    </message>
    <message>
        <source>{who}: overlay {overlay} on</source>
        <translation>{who}&#x202f;: habillage {overlay} affiché</translation>
    </message>
    <message>
        <source>{who}: overlay {overlay} off</source>
        <translation>{who}&#x202f;: habillage {overlay} masqué</translation>
    </message>
    <message>
        <source>{who}: {switched}</source>
        <translation>{who}&#x202f;: {switched}</translation>
    </message>
    <message>
        <source>{who}: start the recording</source>
        <translation>{who}&#x202f;: lancement de l&apos;enregistrement</translation>
    </message>
    <message>
        <source>{who}: stop the recording</source>
        <translation>{who}&#x202f;: arrêt de l&apos;enregistrement</translation>
    </message>
    <message>
        <source>recording {name} started ({width}×{height})</source>
        <translation>enregistrement {name} lancé ({width}×{height})</translation>
    </message>
    <message>
        <source>recording {name} stopped: {length}, {dropped} dropped</source>
        <translation>enregistrement {name} arrêté&#x202f;: {length}, {dropped} images perdues</translation>
    </message>
    <message>
        <source>{who}: go live</source>
        <translation>{who}&#x202f;: passer en direct</translation>
    </message>
    <message>
        <source>{who}: end the stream</source>
        <translation>{who}&#x202f;: arrêter le direct</translation>
    </message>
    <message>
        <source>{who}: photo {name} on the video wall for {seconds} s</source>
        <translation>{who}&#x202f;: photo {name} sur le mur vidéo pendant {seconds} s</translation>
    </message>
    <message>
        <source>{who}: undo</source>
        <translation>{who}&#x202f;: annulation</translation>
    </message>
    <message>
        <source>{who}: moderation rules changed</source>
        <translation>{who}&#x202f;: règles de modération modifiées</translation>
    </message>
    <message>
        <source>{who}: heat map {view}, {mode}, half-life {minutes} min</source>
        <translation>{who}&#x202f;: carte de chaleur {view}, {mode}, demi-vie {minutes} min</translation>
    </message>
    <message>
        <source>{who}: heat map reset</source>
        <translation>{who}&#x202f;: carte de chaleur effacée</translation>
    </message>
    <message>
        <source>{who}: step {number} ({step})</source>
        <translation>{who}&#x202f;: étape {number} ({step})</translation>
    </message>
    <message>
        <source>X cost at {spent}, {share} of the {cap} budget</source>
        <translation>Coût X&#x202f;: {spent}, {share} du budget de {cap}</translation>
    </message>
    <message>
        <source>X budget of {cap} reached: reading stopped; posting still works</source>
        <translation>Budget X de {cap} atteint&#x202f;: lecture arrêtée&#x202f;; la publication continue</translation>
    </message>
    <message>
        <source>guest signed in to X as {handle}</source>
        <translation>l&apos;invité est connecté à X en tant que {handle}</translation>
    </message>
    <message>
        <source>guest signed out of X ({handle}): {reason}</source>
        <translation>l&apos;invité est déconnecté de X ({handle})&#x202f;: {reason}</translation>
    </message>
    <message>
        <source>guest&apos;s X token dropped ({handle}), not revoked: {reason}</source>
        <translation>jeton X de l&apos;invité abandonné ({handle}), non révoqué&#x202f;: {reason}</translation>
    </message>
    <message>
        <source>{who}: post queued “{text}”</source>
        <translation>{who}&#x202f;: post en attente «&#x202f;{text}&#x202f;»</translation>
    </message>
    <message>
        <source>{who}: post edited</source>
        <translation>{who}&#x202f;: post modifié</translation>
    </message>
    <message>
        <source>{who}: post retried</source>
        <translation>{who}&#x202f;: post relancé</translation>
    </message>
    <message>
        <source>{who}: post cancelled</source>
        <translation>{who}&#x202f;: post annulé</translation>
    </message>
    <message>
        <source>{who}: post marked posted</source>
        <translation>{who}&#x202f;: post marqué publié</translation>
    </message>
    <message>
        <source>outbox: posted {url}</source>
        <translation>envois&#x202f;: publié {url}</translation>
    </message>
    <message>
        <source>outbox: failed ({reason}), next try at {time}</source>
        <translation>envois&#x202f;: échec ({reason}), nouvel essai à {time}</translation>
    </message>
    <message>
        <source>⚠ outbox: a post needs you — {reason}</source>
        <translation>⚠ envois&#x202f;: un post vous attend — {reason}</translation>
    </message>
    <message>
        <source>outbox: saved, not posted ({reason})</source>
        <translation>envois&#x202f;: enregistré, non publié ({reason})</translation>
    </message>
    <message>
        <source>outbox: rehearsal, not posted</source>
        <translation>envois&#x202f;: répétition, non publié</translation>
    </message>
    <message>
        <source>{who}: cue to the guest “{cue}”</source>
        <translation>{who}&#x202f;: consigne à l&apos;invité «&#x202f;{cue}&#x202f;»</translation>
    </message>
    <message>
        <source>the guest acknowledged the cue</source>
        <translation>l&apos;invité a confirmé la consigne</translation>
    </message>
    <message>
        <source>{who}: cue withdrawn</source>
        <translation>{who}&#x202f;: consigne retirée</translation>
    </message>
    <message>
        <source>⚠ the guest asks for help</source>
        <translation>⚠ l&apos;invité demande de l&apos;aide</translation>
    </message>
    <message>
        <source>{who}: answered the guest&apos;s call for help</source>
        <translation>{who}&#x202f;: a répondu à l&apos;appel à l&apos;aide de l&apos;invité</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message numerus="yes">
        <source>… %n more event(s) came too fast to list here (the journal and the CSV export have them all)</source>
        <translation>
            <numerusform>… %n autre événement, arrivé trop vite, n&apos;est pas listé ici (le journal et l&apos;export CSV l&apos;ont)</numerusform>
            <numerusform>… %n autres événements, arrivés trop vite, ne sont pas listés ici (le journal et l&apos;export CSV les ont tous)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Actor</name>
    <message>
        <source>operator</source>
        <translation>régie</translation>
    </message>
    <message>
        <source>guest</source>
        <translation>invité</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>règle</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>annulation</translation>
    </message>
    <message>
        <source>session step</source>
        <translation>étape de session</translation>
    </message>
    <message>
        <source>segment cue</source>
        <translation>consigne de séquence</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>rules kept for this session (start with --settings FILE to save them)</source>
        <translation>règles gardées pour cette session (lancez avec --settings FICHIER pour les enregistrer)</translation>
    </message>
    <message>
        <source>rules apply, but could not be saved to {path}: {error}</source>
        <translation>règles appliquées, mais non enregistrées dans {path}&#x202f;: {error}</translation>
    </message>
    <message>
        <source>rules saved to {path}</source>
        <translation>règles enregistrées dans {path}</translation>
    </message>
    <message>
        <source>Your photo</source>
        <translation>Votre photo</translation>
    </message>
    <message>
        <source>Save the photo</source>
        <translation>Enregistrer la photo</translation>
    </message>
    <message>
        <source>Or touch and hold the photo to save it.</source>
        <translation>Ou touchez la photo longuement pour l&apos;enregistrer.</translation>
    </message>
    <message>
        <source>This link has expired</source>
        <translation>Ce lien a expiré</translation>
    </message>
    <message>
        <source>This photo link has expired or does not exist. Ask the team at the booth for a new one.</source>
        <translation>Ce lien de photo a expiré ou n&apos;existe pas. Demandez-en un nouveau à l&apos;équipe du photomaton.</translation>
    </message>
    <message>
        <source>en</source>
        <translation>fr</translation>
    </message>
    <message>
        <source>Snapshot failed: {error}</source>
        <translation>Échec de la capture&#x202f;: {error}</translation>
    </message>
    <message>
        <source>Heat-map wall saved to {path}</source>
        <translation>Mur carte de chaleur enregistré dans {path}</translation>
    </message>
    <message>
        <source>session {id} (resumed)</source>
        <translation>session {id} (reprise)</translation>
    </message>
    <message>
        <source>session {id}</source>
        <translation>session {id}</translation>
    </message>
</context>
<context>
    <name>Asks</name>
    <message>
        <source>asks the guest a question</source>
        <translation>question à l&apos;invité</translation>
    </message>
    <message>
        <source>asks the guest a question, without a question mark</source>
        <translation>question à l&apos;invité, sans «&#x202f;?&#x202f;»</translation>
    </message>
    <message>
        <source>asks the guest indirectly</source>
        <translation>question indirecte à l&apos;invité</translation>
    </message>
    <message>
        <source>asks the guest to tell or do something</source>
        <translation>demande quelque chose à l&apos;invité</translation>
    </message>
    <message>
        <source>a short question to the guest</source>
        <translation>question courte à l&apos;invité</translation>
    </message>
    <message>
        <source>taken as a question by the operator</source>
        <translation>question, selon la régie</translation>
    </message>
    <message>
        <source>asks nothing</source>
        <translation>ne demande rien</translation>
    </message>
    <message>
        <source>an exclamation, not a question</source>
        <translation>une exclamation, pas une question</translation>
    </message>
    <message>
        <source>a reaction: the question marks are emphasis</source>
        <translation>une réaction&#x202f;: les «&#x202f;?&#x202f;» sont expressifs</translation>
    </message>
    <message>
        <source>a rhetorical question</source>
        <translation>une question rhétorique</translation>
    </message>
    <message>
        <source>a question the post answers itself</source>
        <translation>une question qui contient sa réponse</translation>
    </message>
    <message>
        <source>asks the other fans, not the guest</source>
        <translation>s&apos;adresse aux fans, pas à l&apos;invité</translation>
    </message>
    <message>
        <source>asks the production (the stream, the sound, a replay)</source>
        <translation>s&apos;adresse à la production (flux, son, replay)</translation>
    </message>
    <message>
        <source>a greeting formula</source>
        <translation>une salutation</translation>
    </message>
    <message>
        <source>speaks of the guest, not to them</source>
        <translation>parle de l&apos;invité, sans l&apos;interpeller</translation>
    </message>
    <message>
        <source>quotes someone else&apos;s question</source>
        <translation>cite la question de quelqu&apos;un d&apos;autre</translation>
    </message>
    <message>
        <source>a link or an advertisement</source>
        <translation>un lien ou une publicité</translation>
    </message>
    <message>
        <source>asks for an answer, not a question</source>
        <translation>réclame une réponse, sans poser de question</translation>
    </message>
    <message>
        <source>not a question, said the operator</source>
        <translation>pas une question, selon la régie</translation>
    </message>
</context>
<context>
    <name>BoothView</name>
    <message>
        <source>Studio</source>
        <translation>Studio</translation>
    </message>
    <message>
        <source>Polaroid</source>
        <translation>Polaroid</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Plateau télé</translation>
    </message>
    <message>
        <source>No frame</source>
        <translation>Sans cadre</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Boomerang clip</source>
        <translation>Clip boomerang</translation>
    </message>
    <message>
        <source>Thin</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Thick</source>
        <translation>Épais</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler le trait</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Tout effacer</translation>
    </message>
    <message>
        <source>Take a photo</source>
        <translation>Prendre une photo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Shoot</source>
        <translation>Déclencher</translation>
    </message>
    <message>
        <source>Retake</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Publier</translation>
    </message>
    <message>
        <source>Save only</source>
        <translation>Garder seulement</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Thank you {hashtag}!</source>
        <translation>Merci {hashtag}&#x202f;!</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Merci&#x202f;!</translation>
    </message>
    <message>
        <source>An unforgettable moment in the Blue Room</source>
        <translation>Un moment inoubliable dans la Blue Room</translation>
    </message>
    <message>
        <source>{name}, live from the Blue Room</source>
        <translation>{name}, en direct de la Blue Room</translation>
    </message>
    <message>
        <source>Live from the Blue Room</source>
        <translation>En direct de la Blue Room</translation>
    </message>
    <message>
        <source>Boomerang: a moment…</source>
        <translation>Boomerang&#x202f;: un instant…</translation>
    </message>
    <message>
        <source>booth · final photo</source>
        <translation>photomaton · photo finale</translation>
    </message>
    <message>
        <source>{name} could not be written ({error}): it goes on as it was</source>
        <translation>{name} n&apos;a pas pu être écrite ({error})&#x202f;: elle continue telle quelle</translation>
    </message>
    <message>
        <source>No caption</source>
        <translation>Sans légende</translation>
    </message>
    <message>
        <source>booth · signed photo</source>
        <translation>photomaton · photo signée</translation>
    </message>
    <message>
        <source>{name} could not be written ({error}): it goes on unsigned</source>
        <translation>{name} n&apos;a pas pu être écrite ({error})&#x202f;: elle continue sans signature</translation>
    </message>
    <message>
        <source>booth · signature</source>
        <translation>photomaton · signature</translation>
    </message>
    <message>
        <source>{name} could not be read ({error}): the frame goes over the signed photo</source>
        <translation>{name} n&apos;a pas pu être lu ({error})&#x202f;: le cadre se pose sur la photo signée</translation>
    </message>
    <message>
        <source>rehearsal: saved, not posted</source>
        <translation>répétition&#x202f;: gardée, non publiée</translation>
    </message>
    <message>
        <source>saved, not posted: no X account</source>
        <translation>gardée, non publiée&#x202f;: pas de compte X</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gardée</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Publiée</translation>
    </message>
    <message>
        <source>Posting…</source>
        <translation>Publication…</translation>
    </message>
    <message>
        <source>Strike a pose</source>
        <translation>Prenez la pose</translation>
    </message>
    <message>
        <source>Keep this one?</source>
        <translation>On garde celle-ci&#x202f;?</translation>
    </message>
    <message>
        <source>Sign it with your finger</source>
        <translation>Signez-la du doigt</translation>
    </message>
    <message>
        <source>Pick a frame and a caption</source>
        <translation>Choisissez un cadre et une légende</translation>
    </message>
    <message>
        <source>Share it?</source>
        <translation>On la partage&#x202f;?</translation>
    </message>
    <message>
        <source>One moment…</source>
        <translation>Un instant…</translation>
    </message>
    <message>
        <source>The mirror opens in a moment</source>
        <translation>Le miroir ouvre dans un instant</translation>
    </message>
    <message>
        <source>The team is getting the photo booth ready for you.</source>
        <translation>L&apos;équipe prépare le photomaton pour vous.</translation>
    </message>
    <message>
        <source>posted on X by the room, with the event&apos;s hashtag</source>
        <translation>publiée sur X par la room, avec le hashtag de l&apos;événement</translation>
    </message>
    <message>
        <source>kept by the team, not posted</source>
        <translation>gardée par l&apos;équipe, non publiée</translation>
    </message>
    <message>
        <source>not posted, not kept for the event</source>
        <translation>ni publiée, ni gardée pour l&apos;événement</translation>
    </message>
</context>
<context>
    <name>BroadcastStats</name>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Video wall</source>
        <translation>Mur vidéo</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Guest panel</source>
        <translation>Invité</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>screens</source>
        <translation>écrans</translation>
    </message>
    <message>
        <source>engine</source>
        <translation>moteur</translation>
    </message>
    <message>
        <source>parser</source>
        <translation>analyseur</translation>
    </message>
    <message>
        <source>{size} GB</source>
        <translation>{size} Go</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} Mo</translation>
    </message>
    <message>
        <source>about {hours} h {minutes} min</source>
        <translation>environ {hours} h {minutes} min</translation>
    </message>
    <message>
        <source>about {minutes} min</source>
        <translation>environ {minutes} min</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Diffusion</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Fenêtres</translation>
    </message>
    <message>
        <source>window</source>
        <translation>fenêtre</translation>
    </message>
    <message>
        <source>fps</source>
        <translation>i/s</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>of</source>
        <translation>sur</translation>
    </message>
    <message>
        <source>miss</source>
        <translation>manq.</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>perd.</translation>
    </message>
    <message>
        <source>fps: frames painted a second · p50, p95: paint time in ms (median, 95th percentile, last 5 s) · of: the frame budget in ms · miss, drop: frames missed and dropped since the start</source>
        <translation>i/s&#x202f;: images peintes par seconde · p50, p95&#x202f;: temps de rendu en ms (médiane, 95ᵉ centile, 5 dernières s) · sur&#x202f;: le budget d&apos;une image en ms · manq., perd.&#x202f;: images manquées et perdues depuis le début</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Sorties</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Direct</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fermée</translation>
    </message>
    <message>
        <source>no camera: nothing to record</source>
        <translation>pas de caméra&#x202f;: rien à enregistrer</translation>
    </message>
    <message>
        <source>REC {length}</source>
        <translation>REC {length}</translation>
    </message>
    <message>
        <source>{count} frames</source>
        <translation>{count} images</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>disk: {time} left</source>
        <translation>disque&#x202f;: encore {time}</translation>
    </message>
    <message>
        <source>no stream set up</source>
        <translation>aucun direct configuré</translation>
    </message>
    <message>
        <source>LIVE {length}</source>
        <translation>EN DIRECT {length}</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>reconnexion</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message numerus="yes">
        <source>%n reconnect(s)</source>
        <translation>
            <numerusform>%n reconnexion</numerusform>
            <numerusform>%n reconnexions</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} sent</source>
        <translation>{count} envoyées</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Disque</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>mesure…</translation>
    </message>
    <message numerus="yes">
        <source>{share} of %n core(s)</source>
        <translation>
            <numerusform>{share} de %n cœur</numerusform>
            <numerusform>{share} de %n cœurs</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} not running</source>
        <translation>{name} arrêté</translation>
    </message>
    <message>
        <source>{size} free</source>
        <translation>{size} libres</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>{rate} kbit/s</source>
        <translation>{rate} kbit/s</translation>
    </message>
    <message>
        <source>{count} dropped</source>
        <translation>{count} perdues</translation>
    </message>
</context>
<context>
    <name>CameraDetail</name>
    <message>
        <source>camera {index}</source>
        <translation>caméra {index}</translation>
    </message>
    <message>
        <source>opening {label}</source>
        <translation>ouverture de {label}</translation>
    </message>
    <message>
        <source>{label} {width}x{height} @ {fps} fps</source>
        <translation>{label} {width}x{height} à {fps} i/s</translation>
    </message>
    <message>
        <source>{label} {width}x{height} @ fps unknown</source>
        <translation>{label} {width}x{height}, i/s inconnu</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêtée</translation>
    </message>
    <message>
        <source>stopped (capture thread still blocked in a read)</source>
        <translation>arrêtée (thread de capture encore bloqué en lecture)</translation>
    </message>
    <message>
        <source>end of file {path}</source>
        <translation>fin du fichier {path}</translation>
    </message>
    <message>
        <source>no frame for {seconds} s — unplugged?</source>
        <translation>aucune image depuis {seconds} s — débranchée&#x202f;?</translation>
    </message>
    <message>
        <source>read failed on {label}</source>
        <translation>échec de lecture sur {label}</translation>
    </message>
    <message>
        <source>file not found: {path}</source>
        <translation>fichier introuvable&#x202f;: {path}</translation>
    </message>
    <message>
        <source>could not open {path} (unreadable or corrupt file)</source>
        <translation>impossible d&apos;ouvrir {path} (fichier illisible ou corrompu)</translation>
    </message>
    <message>
        <source>camera {index} could not be opened</source>
        <translation>impossible d&apos;ouvrir la caméra {index}</translation>
    </message>
    <message>
        <source>stream {path} could not be opened</source>
        <translation>impossible d&apos;ouvrir le flux {path}</translation>
    </message>
    <message>
        <source>could not reopen {path}</source>
        <translation>impossible de rouvrir {path}</translation>
    </message>
    <message>
        <source>{path}: cannot decode the video ({frames} bad frames)</source>
        <translation>{path}&#x202f;: vidéo illisible ({frames} images défectueuses)</translation>
    </message>
    <message>
        <source>{path}: cannot decode the video (no readable frame)</source>
        <translation>{path}&#x202f;: vidéo illisible (aucune image lisible)</translation>
    </message>
    <message>
        <source>error: {error}</source>
        <translation>erreur&#x202f;: {error}</translation>
    </message>
</context>
<context>
    <name>CameraState</name>
    <message>
        <source>not started</source>
        <translation>non démarrée</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <source>live</source>
        <translation>en direct</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>perdue</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêtée</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>This costs more on X: {why}</source>
        <translation>Ceci coûte plus cher sur X&#x202f;: {why}</translation>
    </message>
    <message>
        <source>no account (no posting credentials)</source>
        <translation>aucun compte (pas d&apos;identifiants de publication)</translation>
    </message>
    <message>
        <source>the room&apos;s X account</source>
        <translation>le compte X de la room</translation>
    </message>
    <message>
        <source>REHEARSAL — nothing will be posted</source>
        <translation>RÉPÉTITION — rien ne sera publié</translation>
    </message>
    <message>
        <source>The answer, as the guest gave it</source>
        <translation>La réponse, telle que l&apos;invité l&apos;a donnée</translation>
    </message>
    <message>
        <source>What the room says</source>
        <translation>Ce que dit la room</translation>
    </message>
    <message>
        <source>No photo chosen</source>
        <translation>Aucune photo choisie</translation>
    </message>
    <message>
        <source>Choose a photo…</source>
        <translation>Choisir une photo…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>Envoyer…</translation>
    </message>
    <message>
        <source>Reply to the question on air</source>
        <translation>Répondre à la question à l&apos;antenne</translation>
    </message>
    <message>
        <source>Post a photo</source>
        <translation>Publier une photo</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>Nouveau post</translation>
    </message>
    <message>
        <source>From {account}, in reply to {who}: “{question}”</source>
        <translation>De {account}, en réponse à {who}&#x202f;: «&#x202f;{question}&#x202f;»</translation>
    </message>
    <message>
        <source>From {account}; {hashtag} is added when missing</source>
        <translation>De {account}&#x202f;; {hashtag} est ajouté s&apos;il manque</translation>
    </message>
    <message>
        <source>No question is on air to reply to</source>
        <translation>Aucune question à l&apos;antenne à laquelle répondre</translation>
    </message>
    <message>
        <source>Nothing written yet</source>
        <translation>Rien d&apos;écrit pour l&apos;instant</translation>
    </message>
    <message>
        <source>{over} characters too long</source>
        <translation>{over} caractères de trop</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Choisissez une photo</translation>
    </message>
    <message>
        <source>A photo is a JPEG or PNG file, a clip an MP4 or GIF</source>
        <translation>Une photo est un fichier JPEG ou PNG, un clip un MP4 ou un GIF</translation>
    </message>
    <message>
        <source>Photos and clips (*.jpg *.jpeg *.png *.mp4 *.gif *.JPG *.JPEG *.PNG *.MP4 *.GIF)</source>
        <translation>Photos et clips (*.jpg *.jpeg *.png *.mp4 *.gif *.JPG *.JPEG *.PNG *.MP4 *.GIF)</translation>
    </message>
    <message>
        <source>The photo is no longer there: {path}</source>
        <translation>La photo n&apos;est plus là&#x202f;: {path}</translation>
    </message>
    <message>
        <source>Post this from {account}?</source>
        <translation>Publier ceci depuis {account}&#x202f;?</translation>
    </message>
    <message>
        <source>In reply to {who} (post {id}).</source>
        <translation>En réponse à {who} (post {id}).</translation>
    </message>
    <message>
        <source>With the clip {name}</source>
        <translation>Avec le clip {name}</translation>
    </message>
    <message>
        <source>With the photo {name}</source>
        <translation>Avec la photo {name}</translation>
    </message>
    <message>
        <source>{count} of {most} characters</source>
        <translation>{count} caractères sur {most}</translation>
    </message>
    <message>
        <source>The question will be marked answered.</source>
        <translation>La question sera marquée répondue.</translation>
    </message>
    <message>
        <source>REHEARSAL: nothing will be posted.</source>
        <translation>RÉPÉTITION&#x202f;: rien ne sera publié.</translation>
    </message>
    <message>
        <source>It will be saved, not posted: {reason}</source>
        <translation>Il sera enregistré, pas publié&#x202f;: {reason}</translation>
    </message>
</context>
<context>
    <name>CostLine</name>
    <message>
        <source>{amount} of {budget}</source>
        <translation>{amount} sur {budget}</translation>
    </message>
    <message>
        <source>{amount}, no budget</source>
        <translation>{amount}, sans budget</translation>
    </message>
    <message>
        <source>{reads} reads · {posts} posts</source>
        <translation>{reads} lectures · {posts} posts</translation>
    </message>
    <message>
        <source>prices {date}</source>
        <translation>tarifs {date}</translation>
    </message>
    <message>
        <source>X is pay-per-use: what this session has cost so far.</source>
        <translation>X est facturé à l&apos;usage&#x202f;: ce que cette session a coûté jusqu&apos;ici.</translation>
    </message>
    <message>
        <source>Reads {amount}: {reads} posts, {owned} of the room&apos;s own</source>
        <translation>Lectures {amount}&#x202f;: {reads} posts, dont {owned} de la room</translation>
    </message>
    <message>
        <source>Writes {amount}: {posts} posts, {linked} with a link, {media} media</source>
        <translation>Écritures {amount}&#x202f;: {posts} posts, {linked} avec lien, {media} médias</translation>
    </message>
    <message>
        <source>Prices as published {date} (settings: [cost])</source>
        <translation>Tarifs publiés en {date} (réglages&#x202f;: [cost])</translation>
    </message>
    <message>
        <source>{n} reads of posts already read today, not billed</source>
        <translation>{n} lectures de posts déjà lus aujourd&apos;hui, non facturées</translation>
    </message>
    <message>
        <source>{n} reads counted without post ids: a post read twice today is counted twice here, once by X (the amount may be a little high)</source>
        <translation>{n} lectures comptées sans identifiant&#x202f;: un post lu deux fois aujourd&apos;hui compte double ici, une fois chez X (le montant peut être un peu haut)</translation>
    </message>
    <message>
        <source>Budget reached: reading stopped; posting still works; raise cost.budget and start again to go on</source>
        <translation>Budget atteint&#x202f;: lecture arrêtée&#x202f;; la publication continue&#x202f;; augmentez cost.budget et relancez pour reprendre</translation>
    </message>
    <message>
        <source>Reading stops at the budget; posting never does</source>
        <translation>La lecture s&apos;arrête au budget, jamais la publication</translation>
    </message>
    <message>
        <source>X cost</source>
        <translation>Coût X</translation>
    </message>
</context>
<context>
    <name>CueCard</name>
    <message>
        <source>Time to wrap up</source>
        <translation>Il faut conclure</translation>
    </message>
    <message>
        <source>Finish your thought: we move on in a moment.</source>
        <translation>Terminez votre idée&#x202f;: on enchaîne dans un instant.</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>Question suivante</translation>
    </message>
    <message>
        <source>Whenever you are ready, take the next question.</source>
        <translation>Quand vous voulez, passez à la question suivante.</translation>
    </message>
    <message>
        <source>From the team</source>
        <translation>De la part de l&apos;équipe</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>Feeds</name>
    <message>
        <source>Ingest — posts per second</source>
        <translation>Réception — posts par seconde</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>Flux</translation>
    </message>
    <message numerus="yes">
        <source>{state} — {detail} — {position}, %n post(s)</source>
        <translation>
            <numerusform>{state} — {detail} — {position}, %n post</numerusform>
            <numerusform>{state} — {detail} — {position}, %n posts</numerusform>
        </translation>
    </message>
    <message>
        <source>{state} — {detail}</source>
        <translation>{state} — {detail}</translation>
    </message>
    <message>
        <source>source · {name}</source>
        <translation>source · {name}</translation>
    </message>
    <message>
        <source>X · {name}</source>
        <translation>X · {name}</translation>
    </message>
    <message>
        <source>camera</source>
        <translation>caméra</translation>
    </message>
    <message>
        <source>ok — {written} events written, last batch {milliseconds} ms</source>
        <translation>ok — {written} événements écrits, dernier lot {milliseconds} ms</translation>
    </message>
    <message>
        <source>journal</source>
        <translation>journal</translation>
    </message>
    <message>
        <source>{queued} queued, {delivered} delivered, {shed} shed</source>
        <translation>{queued} en attente, {delivered} livrés, {shed} délestés</translation>
    </message>
    <message>
        <source>{queue} — STALLED</source>
        <translation>{queue} — BLOQUÉ</translation>
    </message>
    <message>
        <source>bus · {name}</source>
        <translation>bus · {name}</translation>
    </message>
    <message>
        <source>{seconds} s ago</source>
        <translation>il y a {seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min ago</source>
        <translation>il y a {minutes} min</translation>
    </message>
    <message>
        <source>{hours} h ago</source>
        <translation>il y a {hours} h</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>reconnecting in {seconds} s</source>
        <translation>reconnexion dans {seconds} s</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <source>last post {ago}</source>
        <translation>dernier post {ago}</translation>
    </message>
    <message>
        <source>no post yet</source>
        <translation>aucun post encore</translation>
    </message>
    <message numerus="yes">
        <source>%n reconnect(s)</source>
        <translation>
            <numerusform>%n reconnexion</numerusform>
            <numerusform>%n reconnexions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n stall(s))</source>
        <translation>
            <numerusform>(%n blocage)</numerusform>
            <numerusform>(%n blocages)</numerusform>
        </translation>
    </message>
    <message>
        <source>no back-fill (access)</source>
        <translation>pas de rattrapage (accès)</translation>
    </message>
    <message numerus="yes">
        <source>back-filled {posts} in %n gap(s)</source>
        <translation>
            <numerusform>{posts} rattrapés sur %n coupure</numerusform>
            <numerusform>{posts} rattrapés sur %n coupures</numerusform>
        </translation>
    </message>
    <message>
        <source>search budget {left}/{limit}</source>
        <translation>quota de recherche {left}/{limit}</translation>
    </message>
    <message>
        <source>(resets in {minutes} min)</source>
        <translation>(réinitialisé dans {minutes} min)</translation>
    </message>
    <message>
        <source>{lines} lines recorded</source>
        <translation>{lines} lignes enregistrées</translation>
    </message>
</context>
<context>
    <name>FirstPostView</name>
    <message>
        <source>{name} here, live from the Blue Room. See you in a moment! {hashtag}</source>
        <translation>Ici {name}, en direct de la Blue Room. À tout de suite&#x202f;! {hashtag}</translation>
    </message>
    <message>
        <source>Live from the Blue Room. See you in a moment! {hashtag}</source>
        <translation>En direct de la Blue Room. À tout de suite&#x202f;! {hashtag}</translation>
    </message>
    <message>
        <source>Hello everyone! I&apos;m in the Blue Room right now: ask me your questions with {hashtag}</source>
        <translation>Bonjour à tous&#x202f;! Je suis dans la Blue Room en ce moment&#x202f;: posez-moi vos questions avec {hashtag}</translation>
    </message>
    <message>
        <source>Happy to be here today. Your questions, live, with {hashtag} ✨</source>
        <translation>Quel plaisir d&apos;être là aujourd&apos;hui. Vos questions, en direct, avec {hashtag} ✨</translation>
    </message>
    <message>
        <source>Sign in to post from your own account</source>
        <translation>Connectez-vous pour publier depuis votre compte</translation>
    </message>
    <message>
        <source>Show a new code</source>
        <translation>Nouveau code</translation>
    </message>
    <message>
        <source>Write your first post, or pick an idea below</source>
        <translation>Écrivez votre premier post, ou choisissez une idée ci-dessous</translation>
    </message>
    <message>
        <source>Post…</source>
        <translation>Publier…</translation>
    </message>
    <message>
        <source>Post this?</source>
        <translation>On publie&#x202f;?</translation>
    </message>
    <message>
        <source>Post it</source>
        <translation>Publier</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left</source>
        <translation>
            <numerusform>%n caractère restant</numerusform>
            <numerusform>%n caractères restants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) too many</source>
        <translation>
            <numerusform>%n caractère de trop</numerusform>
            <numerusform>%n caractères de trop</numerusform>
        </translation>
    </message>
    <message>
        <source>{hashtag} will be added at the end</source>
        <translation>{hashtag} sera ajouté à la fin</translation>
    </message>
    <message>
        <source>From your account {handle}, for everyone to see.</source>
        <translation>Depuis votre compte {handle}, visible par tous.</translation>
    </message>
    <message>
        <source>Signing in to X is not set up in this room today: the team will help you post from your phone.</source>
        <translation>La connexion à X n&apos;est pas prévue dans cette room aujourd&apos;hui&#x202f;: l&apos;équipe vous aidera à publier depuis votre téléphone.</translation>
    </message>
    <message>
        <source>Scan this code with your phone&apos;s camera, then approve on X. Your post will go out from your own account.</source>
        <translation>Scannez ce code avec l&apos;appareil photo de votre téléphone, puis acceptez sur X. Votre post partira de votre propre compte.</translation>
    </message>
    <message>
        <source>Sign-in did not work: {reason}</source>
        <translation>La connexion n&apos;a pas abouti&#x202f;: {reason}</translation>
    </message>
    <message>
        <source>Posting…</source>
        <translation>Publication…</translation>
    </message>
    <message>
        <source>Your post is on its way to X.</source>
        <translation>Votre post part vers X.</translation>
    </message>
    <message>
        <source>Posted!</source>
        <translation>Publié&#x202f;!</translation>
    </message>
    <message>
        <source>Your first post is on X. Scan the code to see it.</source>
        <translation>Votre premier post est sur X. Scannez le code pour le voir.</translation>
    </message>
    <message>
        <source>Not yet…</source>
        <translation>Pas encore…</translation>
    </message>
    <message>
        <source>X did not take it yet ({reason}). It is tried again by itself.</source>
        <translation>X ne l&apos;a pas encore accepté ({reason}). Il sera renvoyé automatiquement.</translation>
    </message>
    <message>
        <source>Rehearsal</source>
        <translation>Répétition</translation>
    </message>
    <message>
        <source>This is a rehearsal: nothing was posted.</source>
        <translation>C&apos;est une répétition&#x202f;: rien n&apos;a été publié.</translation>
    </message>
    <message>
        <source>It did not go out</source>
        <translation>Il n&apos;est pas parti</translation>
    </message>
    <message>
        <source>{reason}. The team has been told.</source>
        <translation>{reason}. L&apos;équipe est prévenue.</translation>
    </message>
</context>
<context>
    <name>GalleryPanel</name>
    <message numerus="yes">
        <source>Boomerangs: %n made</source>
        <translation>
            <numerusform>Boomerangs&#x202f;: %n créé</numerusform>
            <numerusform>Boomerangs&#x202f;: %n créés</numerusform>
        </translation>
    </message>
    <message>
        <source>one in the making</source>
        <translation>un en cours</translation>
    </message>
    <message numerus="yes">
        <source>%n shed (the clip maker was busy)</source>
        <translation>
            <numerusform>%n délesté (le générateur de clips était occupé)</numerusform>
            <numerusform>%n délestés (le générateur de clips était occupé)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n camera frame(s) missed while collecting</source>
        <translation>
            <numerusform>%n image caméra manquée pendant la collecte</numerusform>
            <numerusform>%n images caméra manquées pendant la collecte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed, the last: {reason}</source>
        <translation>
            <numerusform>%n en échec, le dernier&#x202f;: {reason}</numerusform>
            <numerusform>%n en échec, le dernier&#x202f;: {reason}</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the photos kept in memory to…</source>
        <translation>Enregistrer les photos gardées en mémoire dans…</translation>
    </message>
    <message>
        <source>Booth caption</source>
        <translation>Légende du photomaton</translation>
    </message>
    <message>
        <source>A caption offered to the guest on the booth&apos;s frame step (empty: none)</source>
        <translation>Une légende proposée à l&apos;invité à l&apos;étape du cadre (vide&#x202f;: aucune)</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>signée</translation>
    </message>
    <message>
        <source>final</source>
        <translation>finale</translation>
    </message>
    <message>
        <source>clip</source>
        <translation>clip</translation>
    </message>
    <message>
        <source>original</source>
        <translation>originale</translation>
    </message>
    <message>
        <source>Post again…</source>
        <translation>Republier…</translation>
    </message>
    <message>
        <source>Post…</source>
        <translation>Publier…</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lire</translation>
    </message>
    <message>
        <source>On the wall</source>
        <translation>Sur le mur</translation>
    </message>
    <message>
        <source>Take-home QR</source>
        <translation>QR à emporter</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>SAVED — not posted</source>
        <translation>ENREGISTRÉE — non publiée</translation>
    </message>
    <message>
        <source>Take home: {name}</source>
        <translation>À emporter&#x202f;: {name}</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Booth caption…</source>
        <translation>Légende du photomaton…</translation>
    </message>
    <message>
        <source>Save them elsewhere…</source>
        <translation>Les enregistrer ailleurs…</translation>
    </message>
    <message>
        <source>Discard them…</source>
        <translation>Les abandonner…</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n photo(s) kept in memory, not on disk: {reason}</source>
        <translation>
            <numerusform>⚠ %n photo gardée en mémoire, pas sur le disque&#x202f;: {reason}</numerusform>
            <numerusform>⚠ %n photos gardées en mémoire, pas sur le disque&#x202f;: {reason}</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save them in {folder}: {error}</source>
        <translation>Impossible de les enregistrer dans {folder}&#x202f;: {error}</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) saved in {folder}</source>
        <translation>
            <numerusform>%n photo enregistrée dans {folder}</numerusform>
            <numerusform>%n photos enregistrées dans {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discard %n photo(s) kept in memory? They were never saved.</source>
        <translation>
            <numerusform>Abandonner %n photo gardée en mémoire&#x202f;? Elle n&apos;a jamais été enregistrée.</numerusform>
            <numerusform>Abandonner %n photos gardées en mémoire&#x202f;? Elles n&apos;ont jamais été enregistrées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard photos</source>
        <translation>Abandonner des photos</translation>
    </message>
    <message numerus="yes">
        <source>… and %n older photo(s)</source>
        <translation>
            <numerusform>… et %n photo plus ancienne</numerusform>
            <numerusform>… et %n photos plus anciennes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) in {folder}</source>
        <translation>
            <numerusform>%n photo dans {folder}</numerusform>
            <numerusform>%n photos dans {folder}</numerusform>
        </translation>
    </message>
    <message>
        <source> · {posted} posted</source>
        <translation> · {posted} publiées</translation>
    </message>
    <message>
        <source>No photos yet in {folder}</source>
        <translation>Pas encore de photo dans {folder}</translation>
    </message>
    <message>
        <source>No photos yet: {folder} does not exist</source>
        <translation>Pas encore de photo&#x202f;: {folder} n&apos;existe pas</translation>
    </message>
    <message>
        <source>Booth caption offered: {caption}</source>
        <translation>Légende proposée&#x202f;: {caption}</translation>
    </message>
    <message>
        <source>Booth caption withdrawn</source>
        <translation>Légende retirée</translation>
    </message>
    <message>
        <source>Posting is not available here</source>
        <translation>La publication n&apos;est pas disponible ici</translation>
    </message>
    <message>
        <source>{name} is no longer there</source>
        <translation>{name} n&apos;est plus là</translation>
    </message>
    <message>
        <source>{name} on the video wall for {seconds} s</source>
        <translation>{name} sur le mur vidéo pendant {seconds} s</translation>
    </message>
    <message>
        <source>Delete {name}? It is moved to the {deleted} folder beside it (not erased). A post already made stays on the account.</source>
        <translation>Supprimer {name}&#x202f;? Elle est déplacée dans le dossier {deleted} à côté (pas effacée). Un post déjà publié reste sur le compte.</translation>
    </message>
    <message>
        <source>Delete a photo</source>
        <translation>Supprimer une photo</translation>
    </message>
    <message>
        <source>Could not delete {name}: {error}</source>
        <translation>Impossible de supprimer {name}&#x202f;: {error}</translation>
    </message>
    <message>
        <source>Moved to {path}</source>
        <translation>Déplacée dans {path}</translation>
    </message>
</context>
<context>
    <name>GuestCuesRow</name>
    <message>
        <source>A cue for the guest</source>
        <translation>Une consigne pour l&apos;invité</translation>
    </message>
    <message>
        <source>What the guest reads (a line or two):</source>
        <translation>Ce que lit l&apos;invité (une ou deux lignes)&#x202f;:</translation>
    </message>
    <message>
        <source>No cue sent</source>
        <translation>Aucune consigne envoyée</translation>
    </message>
    <message>
        <source>✓ acknowledged {time}</source>
        <translation>✓ confirmée à {time}</translation>
    </message>
    <message>
        <source>withdrawn {time}</source>
        <translation>retirée à {time}</translation>
    </message>
    <message>
        <source>waiting since {time}</source>
        <translation>en attente depuis {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n remplacée</numerusform>
            <numerusform>%n remplacées</numerusform>
        </translation>
    </message>
    <message>
        <source>Cue the guest ▾</source>
        <translation>Consigne invité ▾</translation>
    </message>
    <message>
        <source>Wrap up</source>
        <translation>Conclure</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>Question suivante</translation>
    </message>
    <message>
        <source>Say something…</source>
        <translation>Texte libre…</translation>
    </message>
    <message>
        <source>Withdraw the cue</source>
        <translation>Retirer la consigne</translation>
    </message>
    <message>
        <source>Cue sent to the guest: {cue}</source>
        <translation>Consigne envoyée à l&apos;invité&#x202f;: {cue}</translation>
    </message>
</context>
<context>
    <name>GuestMenu</name>
    <message>
        <source>Guest signed in to X as {handle}</source>
        <translation>Invité connecté à X&#x202f;: {handle}</translation>
    </message>
    <message>
        <source>Waiting for the guest to approve on X…</source>
        <translation>En attente de l&apos;accord de l&apos;invité sur X…</translation>
    </message>
    <message>
        <source>Guest sign-in failed: {reason}</source>
        <translation>Connexion de l&apos;invité échouée&#x202f;: {reason}</translation>
    </message>
    <message>
        <source>Guest not signed in to X</source>
        <translation>Invité non connecté à X</translation>
    </message>
    <message>
        <source>&amp;Guest</source>
        <translation>&amp;Invité</translation>
    </message>
    <message>
        <source>Sign the guest in on this computer…</source>
        <translation>Connecter l&apos;invité sur cet ordinateur…</translation>
    </message>
    <message>
        <source>Sign the guest in from their phone (QR)</source>
        <translation>Connecter l&apos;invité depuis son téléphone (QR)</translation>
    </message>
    <message>
        <source>Cancel the sign-in</source>
        <translation>Annuler la connexion</translation>
    </message>
    <message>
        <source>Sign the guest out (revoke their token)</source>
        <translation>Déconnecter l&apos;invité (révoquer son jeton)</translation>
    </message>
    <message>
        <source>X&apos;s sign-in page opened in the browser: {url}</source>
        <translation>Page de connexion X ouverte dans le navigateur&#x202f;: {url}</translation>
    </message>
    <message>
        <source>Open this address in a browser to sign the guest in: {url}</source>
        <translation>Ouvrez cette adresse dans un navigateur pour connecter l&apos;invité&#x202f;: {url}</translation>
    </message>
    <message>
        <source>The sign-in QR code is on the guest panel</source>
        <translation>Le QR de connexion est sur le panneau invité</translation>
    </message>
    <message>
        <source>Signing the guest out of X…</source>
        <translation>Déconnexion de l&apos;invité de X…</translation>
    </message>
</context>
<context>
    <name>GuestPanel</name>
    <message>
        <source>Blue Room — guest panel</source>
        <translation>Blue Room — panneau invité</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>EN DIRECT</translation>
    </message>
    <message>
        <source>You are live: everyone following sees you now.</source>
        <translation>Vous êtes en direct&#x202f;: tous ceux qui suivent vous voient.</translation>
    </message>
    <message>
        <source>ON CAMERA</source>
        <translation>À L&apos;IMAGE</translation>
    </message>
    <message>
        <source>This is what the room&apos;s video wall shows. This room is not streaming.</source>
        <translation>Voici ce qu&apos;affiche le mur vidéo de la room. Rien n&apos;est diffusé en direct.</translation>
    </message>
    <message>
        <source>STEP {number} OF {steps}</source>
        <translation>ÉTAPE {number} SUR {steps}</translation>
    </message>
    <message>
        <source>NEXT</source>
        <translation>À SUIVRE</translation>
    </message>
    <message>
        <source>LAST STEP</source>
        <translation>DERNIÈRE ÉTAPE</translation>
    </message>
    <message>
        <source>The mirror wakes up…</source>
        <translation>Le miroir s&apos;éveille…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Caméra coupée</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>Pas de caméra</translation>
    </message>
    <message>
        <source>The mirror will be back in a moment.</source>
        <translation>Le miroir revient dans un instant.</translation>
    </message>
    <message>
        <source>The mirror comes back when a camera is connected.</source>
        <translation>Le miroir reviendra dès qu&apos;une caméra sera branchée.</translation>
    </message>
    <message>
        <source>THE MIRROR</source>
        <translation>LE MIROIR</translation>
    </message>
</context>
<context>
    <name>HeatMapControls</name>
    <message>
        <source>a map box is four numbers: west, south, east, north</source>
        <translation>une zone, ce sont quatre nombres&#x202f;: ouest, sud, est, nord</translation>
    </message>
    <message>
        <source>Heat-map wall</source>
        <translation>Mur carte de chaleur</translation>
    </message>
    <message>
        <source>west, south, east, north</source>
        <translation>ouest, sud, est, nord</translation>
    </message>
    <message>
        <source> min half-life</source>
        <translation> min de demi-vie</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>Compteurs</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Reset…</source>
        <translation>Effacer…</translation>
    </message>
    <message>
        <source>Snapshot PNG</source>
        <translation>Capture PNG</translation>
    </message>
    <message>
        <source>Heat map: {problem}</source>
        <translation>Carte de chaleur&#x202f;: {problem}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Reset the heat map</source>
        <translation>Effacer la carte de chaleur</translation>
    </message>
    <message>
        <source>Clear every point and counter of the heat map? The posts stay in the journal.</source>
        <translation>Effacer tous les points et compteurs de la carte de chaleur&#x202f;? Les posts restent dans le journal.</translation>
    </message>
    <message>
        <source>Heat map reset</source>
        <translation>Carte de chaleur effacée</translation>
    </message>
</context>
<context>
    <name>HeatText</name>
    <message>
        <source>{share} exact position</source>
        <translation>{share} position exacte</translation>
    </message>
    <message>
        <source>{share} place</source>
        <translation>{share} lieu</translation>
    </message>
    <message>
        <source>{share} profile city</source>
        <translation>{share} ville du profil</translation>
    </message>
    <message>
        <source>{share} profile country</source>
        <translation>{share} pays du profil</translation>
    </message>
    <message>
        <source>{share} not located</source>
        <translation>{share} non localisés</translation>
    </message>
</context>
<context>
    <name>HeatmapWall</name>
    <message>
        <source>Blue Room — heat-map wall</source>
        <translation>Blue Room — mur carte de chaleur</translation>
    </message>
    <message>
        <source>could not write {path}</source>
        <translation>impossible d&apos;écrire {path}</translation>
    </message>
    <message>
        <source>Europe</source>
        <translation>Europe</translation>
    </message>
    <message>
        <source>France</source>
        <translation>France</translation>
    </message>
    <message>
        <source>Paris region</source>
        <translation>Île-de-France</translation>
    </message>
    <message>
        <source>This map</source>
        <translation>Cette carte</translation>
    </message>
    <message>
        <source>post</source>
        <translation>post</translation>
    </message>
    <message>
        <source>country</source>
        <translation>pays</translation>
    </message>
    <message>
        <source>World</source>
        <translation>Monde</translation>
    </message>
    <message>
        <source>of all posts</source>
        <translation>de tous les posts</translation>
    </message>
    <message>
        <source>Where the conversation is, live</source>
        <translation>D&apos;où l&apos;on parle, en direct</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>posts</source>
        <translation>posts</translation>
    </message>
    <message>
        <source>per minute</source>
        <translation>par minute</translation>
    </message>
    <message>
        <source>countries</source>
        <translation>pays</translation>
    </message>
    <message>
        <source>on the map</source>
        <translation>sur la carte</translation>
    </message>
    <message>
        <source>TOP CITIES</source>
        <translation>TOP DES VILLES</translation>
    </message>
</context>
<context>
    <name>HelpAlert</name>
    <message>
        <source>I&apos;m on it</source>
        <translation>J&apos;y vais</translation>
    </message>
    <message>
        <source>The guest&apos;s call for help is answered</source>
        <translation>Appel à l&apos;aide de l&apos;invité pris en charge</translation>
    </message>
    <message>
        <source>✋ The guest asks for help (since {time})</source>
        <translation>✋ L&apos;invité demande de l&apos;aide (depuis {time})</translation>
    </message>
</context>
<context>
    <name>HelpButton</name>
    <message>
        <source>Help is on the way…</source>
        <translation>L&apos;aide arrive…</translation>
    </message>
    <message>
        <source>Someone is coming</source>
        <translation>Quelqu&apos;un arrive</translation>
    </message>
    <message>
        <source>Ask for help</source>
        <translation>Besoin d&apos;aide</translation>
    </message>
</context>
<context>
    <name>HoldingSlate</name>
    <message>
        <source>We&apos;ll be right back</source>
        <translation>On revient tout de suite</translation>
    </message>
</context>
<context>
    <name>HourTimeline</name>
    <message>
        <source>No plan</source>
        <translation>Aucun plan</translation>
    </message>
    <message>
        <source>leaves {time}</source>
        <translation>départ {time}</translation>
    </message>
</context>
<context>
    <name>KeysSheet</name>
    <message>
        <source>Moving in the queue</source>
        <translation>Naviguer dans la file</translation>
    </message>
    <message>
        <source>next question</source>
        <translation>question suivante</translation>
    </message>
    <message>
        <source>previous question</source>
        <translation>question précédente</translation>
    </message>
    <message>
        <source>the newest, up to the new posts</source>
        <translation>la plus récente, jusqu&apos;aux nouveaux posts</translation>
    </message>
    <message>
        <source>pick none; from the search box, back to the queue</source>
        <translation>ne rien choisir&#x202f;; depuis la recherche, retour à la file</translation>
    </message>
    <message>
        <source>search text, @author or name</source>
        <translation>chercher un texte, un @auteur ou un nom</translation>
    </message>
    <message>
        <source>the views: pending, flagged, approved…</source>
        <translation>les vues&#x202f;: en attente, signalées, validées…</translation>
    </message>
    <message>
        <source>Deciding</source>
        <translation>Décider</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>valider</translation>
    </message>
    <message>
        <source>approve and put in preview</source>
        <translation>valider et préparer</translation>
    </message>
    <message>
        <source>reject: then 1–9 a reason, 0 another, R none</source>
        <translation>rejeter&#x202f;: puis 1–9 un motif, 0 un autre, R aucun</translation>
    </message>
    <message>
        <source>star</source>
        <translation>mettre en favori</translation>
    </message>
    <message>
        <source>stash for later</source>
        <translation>mettre de côté</translation>
    </message>
    <message>
        <source>back to the queue; in Not questions, a question</source>
        <translation>remettre en file&#x202f;; dans Non-questions, en faire une question</translation>
    </message>
    <message>
        <source>not a question</source>
        <translation>pas une question</translation>
    </message>
    <message>
        <source>undo the last decision</source>
        <translation>annuler la dernière décision</translation>
    </message>
    <message>
        <source>On air</source>
        <translation>À l&apos;antenne</translation>
    </message>
    <message>
        <source>preview the picked question</source>
        <translation>préparer la question choisie</translation>
    </message>
    <message>
        <source>take the preview on air</source>
        <translation>envoyer la question prête à l&apos;antenne</translation>
    </message>
    <message>
        <source>the picked question on air now</source>
        <translation>la question choisie à l&apos;antenne tout de suite</translation>
    </message>
    <message>
        <source>the question on air is answered</source>
        <translation>la question à l&apos;antenne est répondue</translation>
    </message>
    <message>
        <source>The hour</source>
        <translation>L&apos;heure</translation>
    </message>
    <message>
        <source>next segment; the first starts the hour (a clicker)</source>
        <translation>séquence suivante&#x202f;; la première lance l&apos;heure (télécommande)</translation>
    </message>
    <message>
        <source>back to the previous segment</source>
        <translation>retour à la séquence précédente</translation>
    </message>
    <message>
        <source>start the hour, or resume its clock</source>
        <translation>lancer l&apos;heure, ou relancer son chrono</translation>
    </message>
    <message>
        <source>pause the segment&apos;s clock, or resume</source>
        <translation>mettre en pause le chrono de la séquence, ou reprendre</translation>
    </message>
    <message>
        <source>skip the segment after this one</source>
        <translation>sauter la séquence suivante</translation>
    </message>
    <message>
        <source>one more minute for this segment</source>
        <translation>une minute de plus pour cette séquence</translation>
    </message>
    <message>
        <source>plan the hour: the guest, the script, the timeline</source>
        <translation>planifier l&apos;heure&#x202f;: l&apos;invité, le script, le déroulé</translation>
    </message>
    <message>
        <source>the tabs in the feeds&apos; place too, and back</source>
        <translation>les onglets à la place des flux aussi, et retour</translation>
    </message>
    <message>
        <source>hold every wall on a calm slate, and back (any window)</source>
        <translation>tous les murs sur l&apos;écran d&apos;attente, et retour (depuis toute fenêtre)</translation>
    </message>
    <message>
        <source>this sheet</source>
        <translation>cette fiche</translation>
    </message>
    <message>
        <source>Every key</source>
        <translation>Raccourcis</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>World</source>
        <translation>Monde</translation>
    </message>
    <message>
        <source>Europe</source>
        <translation>Europe</translation>
    </message>
    <message>
        <source>France</source>
        <translation>France</translation>
    </message>
    <message>
        <source>Paris region</source>
        <translation>Île-de-France</translation>
    </message>
    <message>
        <source>Custom box</source>
        <translation>Zone libre</translation>
    </message>
    <message>
        <source>Live (fading)</source>
        <translation>Direct (s&apos;estompe)</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>Cumulé</translation>
    </message>
</context>
<context>
    <name>ModerationQueue</name>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Signalées</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Validées</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>Favoris</translation>
    </message>
    <message>
        <source>Stashed</source>
        <translation>De côté</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Répondues</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>Not questions</source>
        <translation>Non-questions</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>No question waiting — new ones appear here</source>
        <translation>Aucune question en attente — les nouvelles arrivent ici</translation>
    </message>
    <message>
        <source>Nothing in flagged</source>
        <translation>Aucune question signalée</translation>
    </message>
    <message>
        <source>Nothing in approved</source>
        <translation>Aucune question validée</translation>
    </message>
    <message>
        <source>Nothing in starred</source>
        <translation>Aucune question en favori</translation>
    </message>
    <message>
        <source>Nothing in stashed</source>
        <translation>Rien de côté</translation>
    </message>
    <message>
        <source>Nothing in answered</source>
        <translation>Aucune question répondue</translation>
    </message>
    <message>
        <source>Nothing in trash</source>
        <translation>Corbeille vide</translation>
    </message>
    <message>
        <source>Posts for the guest that ask nothing appear here: Q takes one as a question</source>
        <translation>Les posts pour l&apos;invité qui ne demandent rien arrivent ici&#x202f;: Q en fait une question</translation>
    </message>
    <message>
        <source>Nothing in all</source>
        <translation>Aucune question</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Plus récentes</translation>
    </message>
    <message>
        <source>Most supported</source>
        <translation>Plus soutenues</translation>
    </message>
    <message>
        <source>Starred first</source>
        <translation>Favoris d&apos;abord</translation>
    </message>
    <message>
        <source>F1 or ? every key · J K move · A approve · Enter approve and preview · R reject with a reason · P preview · T take on air · D answered · Ctrl+Z undo · / search</source>
        <translation>F1 ou ? tous les raccourcis · J K naviguer · A valider · Entrée valider et préparer · R rejeter avec un motif · P préparer · T envoyer à l&apos;antenne · D répondue · Ctrl+Z annuler · / chercher</translation>
    </message>
    <message>
        <source>Approve  A</source>
        <translation>Valider  A</translation>
    </message>
    <message>
        <source>Reject  R</source>
        <translation>Rejeter  R</translation>
    </message>
    <message>
        <source>Star  S</source>
        <translation>Favori  S</translation>
    </message>
    <message>
        <source>Stash  H</source>
        <translation>De côté  H</translation>
    </message>
    <message>
        <source>Back to queue  Q</source>
        <translation>Remettre en file  Q</translation>
    </message>
    <message>
        <source>Not a question  N</source>
        <translation>Pas une question  N</translation>
    </message>
    <message>
        <source>Preview  P</source>
        <translation>Préparer  P</translation>
    </message>
    <message>
        <source>Take  T</source>
        <translation>Envoyer  T</translation>
    </message>
    <message>
        <source>On air now  O</source>
        <translation>À l&apos;antenne  O</translation>
    </message>
    <message>
        <source>Answered  D</source>
        <translation>Répondue  D</translation>
    </message>
    <message>
        <source>Undo  Ctrl+Z</source>
        <translation>Annuler  Ctrl+Z</translation>
    </message>
    <message>
        <source>A question in the trash cannot go on air: put it back first (Q)</source>
        <translation>Une question dans la corbeille ne va pas à l&apos;antenne&#x202f;: remettez-la d&apos;abord en file (Q)</translation>
    </message>
    <message>
        <source>Moderation</source>
        <translation>Modération</translation>
    </message>
    <message>
        <source>Search text or @author  ( / )</source>
        <translation>Texte ou @auteur  ( / )</translation>
    </message>
    <message>
        <source>The selected question, in full</source>
        <translation>La question sélectionnée, en entier</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) — showing the first {shown}</source>
        <translation>
            <numerusform>%n question — les {shown} premières affichées</numerusform>
            <numerusform>%n questions — les {shown} premières affichées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n question</numerusform>
            <numerusform>%n questions</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a question first (click it, or use ↑ ↓)</source>
        <translation>Choisissez d&apos;abord une question (clic, ou ↑ ↓)</translation>
    </message>
    <message>
        <source>Select a question to reject</source>
        <translation>Choisissez une question à rejeter</translation>
    </message>
    <message>
        <source>&amp;0  Another reason…</source>
        <translation>&amp;0  Autre motif…</translation>
    </message>
    <message>
        <source>&amp;R  No reason</source>
        <translation>&amp;R  Sans motif</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <source>Why (shown in the trash and the export):</source>
        <translation>Motif (visible dans la corbeille et l&apos;export)&#x202f;:</translation>
    </message>
    <message>
        <source>Select a question to approve and preview</source>
        <translation>Choisissez une question à valider et préparer</translation>
    </message>
    <message>
        <source>The question on air cannot be demoted</source>
        <translation>La question à l&apos;antenne ne peut pas être déclassée</translation>
    </message>
    <message>
        <source>Select a question to star</source>
        <translation>Choisissez une question à mettre en favori</translation>
    </message>
    <message>
        <source>Select a question to preview</source>
        <translation>Choisissez une question à préparer</translation>
    </message>
    <message>
        <source>Nothing in preview: select a question and press P</source>
        <translation>Aucune question prête&#x202f;: choisissez-en une et appuyez sur P</translation>
    </message>
    <message>
        <source>Select a question to put on air</source>
        <translation>Choisissez une question à mettre à l&apos;antenne</translation>
    </message>
</context>
<context>
    <name>Monitors</name>
    <message>
        <source>Questions wall</source>
        <translation>Mur des questions</translation>
    </message>
    <message>
        <source>Live video wall</source>
        <translation>Mur vidéo</translation>
    </message>
    <message>
        <source>Heat-map wall</source>
        <translation>Carte de chaleur</translation>
    </message>
    <message>
        <source>Guest panel</source>
        <translation>Panneau invité</translation>
    </message>
    <message>
        <source>Click: bring this window to the front</source>
        <translation>Clic&#x202f;: afficher cette fenêtre au premier plan</translation>
    </message>
    <message>
        <source>closed — click to reopen</source>
        <translation>fermé — cliquez pour le rouvrir</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>No wall open: each wall and the guest panel show here, small</source>
        <translation>Aucun mur ouvert&#x202f;: chaque mur et le panneau invité s&apos;affichent ici, en petit</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>Capitals</source>
        <translation>Majuscules</translation>
    </message>
    <message>
        <source>space</source>
        <translation>espace</translation>
    </message>
    <message>
        <source>?123</source>
        <translation>?123</translation>
    </message>
    <message>
        <source>AZERTY or QWERTY</source>
        <translation>AZERTY ou QWERTY</translation>
    </message>
    <message>
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <source>Keyboard layout: {layout}</source>
        <translation>Disposition du clavier&#x202f;: {layout}</translation>
    </message>
</context>
<context>
    <name>OperatorConsole</name>
    <message>
        <source>posts</source>
        <translation>posts</translation>
    </message>
    <message>
        <source>posts / s</source>
        <translation>posts / s</translation>
    </message>
    <message>
        <source>per minute</source>
        <translation>par minute</translation>
    </message>
    <message>
        <source>questions</source>
        <translation>questions</translation>
    </message>
    <message>
        <source>to moderate</source>
        <translation>à modérer</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>signalées</translation>
    </message>
    <message>
        <source>on the map</source>
        <translation>sur la carte</translation>
    </message>
    <message>
        <source>malformed</source>
        <translation>malformés</translation>
    </message>
    <message>
        <source>shed</source>
        <translation>délestés</translation>
    </message>
    <message>
        <source>up {elapsed}   ·   {time}</source>
        <translation>durée {elapsed}   ·   {time}</translation>
    </message>
    <message>
        <source>Blue Room — operator console</source>
        <translation>Blue Room — régie</translation>
    </message>
    <message>
        <source>BLUE ROOM</source>
        <translation>BLUE ROOM</translation>
    </message>
    <message>
        <source>REHEARSAL — nothing is posted</source>
        <translation>RÉPÉTITION — rien n&apos;est publié</translation>
    </message>
    <message>
        <source>Hold the walls  F12</source>
        <translation>Écran d&apos;attente  F12</translation>
    </message>
    <message>
        <source>Every wall and the guest panel on a calm holding slate at once, and back (F12, from any window)</source>
        <translation>Tous les murs et le panneau invité d&apos;un coup sur l&apos;écran d&apos;attente, et retour (F12, depuis n&apos;importe quelle fenêtre)</translation>
    </message>
    <message>
        <source>Walls</source>
        <translation>Murs</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>Carte de chaleur</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Envois</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Diffusion</translation>
    </message>
    <message>
        <source>Show the ingest rate and the feeds again  F10</source>
        <translation>Réafficher la réception et les flux  F10</translation>
    </message>
    <message>
        <source>Give the tabs the feeds&apos; place  F10</source>
        <translation>Donner aux onglets la place des flux  F10</translation>
    </message>
    <message>
        <source>Walls held — release  F12</source>
        <translation>En attente — reprendre  F12</translation>
    </message>
    <message>
        <source>Walls held: the holding slate is on every screen</source>
        <translation>Murs en attente&#x202f;: l&apos;écran d&apos;attente est partout</translation>
    </message>
    <message>
        <source>Walls back</source>
        <translation>Murs rétablis</translation>
    </message>
    <message>
        <source>The hour is planned: the guest panel follows</source>
        <translation>L&apos;heure est planifiée&#x202f;: le panneau invité suit</translation>
    </message>
    <message>
        <source>Outbox ⚠ {count}</source>
        <translation>Envois ⚠ {count}</translation>
    </message>
    <message>
        <source>Broadcast ⚠</source>
        <translation>Diffusion ⚠</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>The post&apos;s text:</source>
        <translation>Le texte du post&#x202f;:</translation>
    </message>
    <message>
        <source>QUEUED</source>
        <translation>EN ATTENTE</translation>
    </message>
    <message>
        <source>SENDING…</source>
        <translation>ENVOI…</translation>
    </message>
    <message>
        <source>OUTCOME UNKNOWN — reading the account</source>
        <translation>RÉSULTAT INCONNU — lecture du compte</translation>
    </message>
    <message>
        <source>POSTED</source>
        <translation>PUBLIÉ</translation>
    </message>
    <message>
        <source>FAILED — next try at {time}</source>
        <translation>ÉCHEC — nouvel essai à {time}</translation>
    </message>
    <message>
        <source>NEEDS YOU — posted or not?</source>
        <translation>À VOUS — publié ou non&#x202f;?</translation>
    </message>
    <message>
        <source>NEEDS YOU</source>
        <translation>À VOUS</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>ANNULÉ</translation>
    </message>
    <message>
        <source>SAVED, NOT POSTED</source>
        <translation>ENREGISTRÉ, NON PUBLIÉ</translation>
    </message>
    <message>
        <source>REHEARSAL — not posted</source>
        <translation>RÉPÉTITION — non publié</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>réponse</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>photo</translation>
    </message>
    <message>
        <source>post</source>
        <translation>post</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n essai</numerusform>
            <numerusform>%n essais</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n older post(s)</source>
        <translation>
            <numerusform>… et %n envoi plus ancien</numerusform>
            <numerusform>… et %n envois plus anciens</numerusform>
        </translation>
    </message>
    <message>
        <source>📷 {name}</source>
        <translation>📷 {name}</translation>
    </message>
    <message>
        <source>Mark posted</source>
        <translation>Marquer publié</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Relancer</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>marked posted by a person</source>
        <translation>marqué publié par une personne</translation>
    </message>
    <message>
        <source>Check the account: if the post is there, Mark posted; if not, Retry.</source>
        <translation>Vérifiez le compte&#x202f;: si le post y est, Marquer publié&#x202f;; sinon, Relancer.</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Envois</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>Répondre…</translation>
    </message>
    <message>
        <source>Post…</source>
        <translation>Publier…</translation>
    </message>
    <message>
        <source>Photo…</source>
        <translation>Photo…</translation>
    </message>
    <message>
        <source>Reply to {who}, whose question is on air</source>
        <translation>Répondre à {who}, dont la question est à l&apos;antenne</translation>
    </message>
    <message>
        <source>No question is on air</source>
        <translation>Aucune question à l&apos;antenne</translation>
    </message>
    <message>
        <source>REHEARSAL — nothing is posted</source>
        <translation>RÉPÉTITION — rien n&apos;est publié</translation>
    </message>
    <message>
        <source>Not posting: {reason}</source>
        <translation>Pas de publication&#x202f;: {reason}</translation>
    </message>
    <message>
        <source>Posting as {account}</source>
        <translation>Publication en tant que {account}</translation>
    </message>
    <message>
        <source>No question is on air to reply to</source>
        <translation>Aucune question à l&apos;antenne à laquelle répondre</translation>
    </message>
    <message>
        <source>Reply queued; the question is marked answered</source>
        <translation>Réponse en attente&#x202f;; la question est marquée répondue</translation>
    </message>
    <message>
        <source>Post queued</source>
        <translation>Post en attente</translation>
    </message>
    <message>
        <source>Send it again? Only if it is not on {account}: the room could not tell whether it went out.

{text}</source>
        <translation>Le renvoyer&#x202f;? Seulement s&apos;il n&apos;est pas sur {account}&#x202f;: la room n&apos;a pas pu savoir s&apos;il est parti.

{text}</translation>
    </message>
    <message>
        <source>Trying again</source>
        <translation>Nouvel essai</translation>
    </message>
    <message>
        <source>Edit the post</source>
        <translation>Modifier le post</translation>
    </message>
    <message>
        <source>A post needs some text: not changed</source>
        <translation>Un post a besoin de texte&#x202f;: rien n&apos;est changé</translation>
    </message>
    <message>
        <source>{over} characters too long: not changed</source>
        <translation>{over} caractères de trop&#x202f;: rien n&apos;est changé</translation>
    </message>
    <message>
        <source>Post cancelled</source>
        <translation>Post annulé</translation>
    </message>
    <message>
        <source>Marked posted</source>
        <translation>Marqué publié</translation>
    </message>
</context>
<context>
    <name>Overlay</name>
    <message>
        <source>LIVE badge</source>
        <translation>Badge EN DIRECT</translation>
    </message>
    <message>
        <source>Question on air</source>
        <translation>Question à l&apos;antenne</translation>
    </message>
    <message>
        <source>Name strap</source>
        <translation>Synthé nom</translation>
    </message>
    <message>
        <source>Hashtag</source>
        <translation>Hashtag</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Horloge</translation>
    </message>
    <message>
        <source>Booth photo</source>
        <translation>Photo du photomaton</translation>
    </message>
</context>
<context>
    <name>PlanningDialog</name>
    <message>
        <source>first visit</source>
        <translation>première visite</translation>
    </message>
    <message>
        <source>regular</source>
        <translation>habitué</translation>
    </message>
    <message>
        <source>expert</source>
        <translation>expert</translation>
    </message>
    <message>
        <source>follows</source>
        <translation>enchaîne</translation>
    </message>
    <message>
        <source>at {time}</source>
        <translation>à {time}</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>à la main</translation>
    </message>
    <message>
        <source>Plan the hour</source>
        <translation>Planifier l&apos;heure</translation>
    </message>
    <message>
        <source>The guest</source>
        <translation>L&apos;invité</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>cooking, football…</source>
        <translation>cuisine, foot…</translation>
    </message>
    <message>
        <source>for the map&apos;s home-town cue</source>
        <translation>pour le top carte sur sa ville</translation>
    </message>
    <message>
        <source>when started</source>
        <translation>au lancement</translation>
    </message>
    <message>
        <source>no hard end</source>
        <translation>sans heure butoir</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Pseudo</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Centres d&apos;intérêt</translation>
    </message>
    <message>
        <source>Home town</source>
        <translation>Ville d&apos;origine</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Script</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Début à</translation>
    </message>
    <message>
        <source>Guest leaves at</source>
        <translation>Départ de l&apos;invité à</translation>
    </message>
    <message>
        <source>The segments</source>
        <translation>Les séquences</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Séquence</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Starts how</source>
        <translation>Lancement</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Sauter</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>A segment of your own</source>
        <translation>Votre propre séquence</translation>
    </message>
    <message>
        <source>Add after the selected</source>
        <translation>Ajouter sous la sélection</translation>
    </message>
    <message>
        <source>The hour</source>
        <translation>L&apos;heure</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>This plan&apos;s script is not among the room&apos;s scripts.</source>
        <translation>Le script de ce plan ne fait pas partie des scripts de la room.</translation>
    </message>
    <message>
        <source>This script has nothing for this level.</source>
        <translation>Ce script ne prévoit rien pour ce niveau.</translation>
    </message>
    <message>
        <source>The script&apos;s segments for this level, as written.</source>
        <translation>Les séquences du script pour ce niveau, telles qu&apos;écrites.</translation>
    </message>
    <message>
        <source>Run it</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>{count} segments · {minutes} min · {start} → {end}</source>
        <translation>{count} séquences · {minutes} min · {start} → {end}</translation>
    </message>
    <message>
        <source>{minutes} min past the guest&apos;s departure ({time})</source>
        <translation>{minutes} min après le départ de l&apos;invité ({time})</translation>
    </message>
    <message>
        <source>fits before the guest leaves ({time})</source>
        <translation>tient avant le départ de l&apos;invité ({time})</translation>
    </message>
</context>
<context>
    <name>ProgramPanel</name>
    <message>
        <source>ON AIR</source>
        <translation>À L&apos;ANTENNE</translation>
    </message>
    <message>
        <source>Nothing on air — arm a question (P) and take it (T)</source>
        <translation>Rien à l&apos;antenne — préparez une question (P) et envoyez-la (T)</translation>
    </message>
    <message>
        <source>D answered</source>
        <translation>D répondue</translation>
    </message>
    <message>
        <source>PREVIEW</source>
        <translation>PRÊTE</translation>
    </message>
    <message>
        <source>Select a question and press P to arm it</source>
        <translation>Choisissez une question, puis P pour la préparer</translation>
    </message>
    <message>
        <source>T take on air</source>
        <translation>T envoyer</translation>
    </message>
    <message>
        <source>a fan</source>
        <translation>un fan</translation>
    </message>
    <message numerus="yes">
        <source>{who}  ·  asked by %n</source>
        <translation>
            <numerusform>{who}  ·  posée par %n</numerusform>
            <numerusform>{who}  ·  posée par %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Programme</name>
    <message>
        <source>LIVE</source>
        <translation>EN DIRECT</translation>
    </message>
    <message>
        <source>ON CAMERA</source>
        <translation>À L&apos;IMAGE</translation>
    </message>
</context>
<context>
    <name>ProgrammePanel</name>
    <message>
        <source>{size} GB</source>
        <translation>{size} Go</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} Mo</translation>
    </message>
    <message>
        <source>Not started: {free} MB free in {folder}, {needed} MB needed</source>
        <translation>Non lancé&#x202f;: {free} Mo libres dans {folder}, {needed} Mo nécessaires</translation>
    </message>
    <message>
        <source>Stopped: the disk is nearly full ({free} MB left); the file is complete</source>
        <translation>Arrêté&#x202f;: disque presque plein ({free} Mo restants)&#x202f;; le fichier est complet</translation>
    </message>
    <message>
        <source>Stopped: the disk refused to write ({error}); the file plays up to {seconds} s</source>
        <translation>Arrêté&#x202f;: le disque a refusé l&apos;écriture ({error})&#x202f;; le fichier est lisible jusqu&apos;à {seconds} s</translation>
    </message>
    <message>
        <source>Not started: {error}</source>
        <translation>Non lancé&#x202f;: {error}</translation>
    </message>
    <message>
        <source>Stopped: {error}; the file plays up to {seconds} s</source>
        <translation>Arrêté&#x202f;: {error}&#x202f;; le fichier est lisible jusqu&apos;à {seconds} s</translation>
    </message>
    <message>
        <source>Disk: about {minutes} min of recording left</source>
        <translation>Disque&#x202f;: environ {minutes} min d&apos;enregistrement restantes</translation>
    </message>
    <message>
        <source>No sound: {problem}</source>
        <translation>Pas de son&#x202f;: {problem}</translation>
    </message>
    <message>
        <source>No stream address in the settings ([stream] url)</source>
        <translation>Aucune adresse de direct dans les réglages ([stream] url)</translation>
    </message>
    <message>
        <source>The stream address is wrong: {problem}</source>
        <translation>L&apos;adresse du direct est fausse&#x202f;: {problem}</translation>
    </message>
    <message>
        <source>No stream key: set BLUEROOM_STREAM_KEY in the environment or the keyring</source>
        <translation>Pas de clé de direct&#x202f;: définissez BLUEROOM_STREAM_KEY dans l&apos;environnement ou le trousseau</translation>
    </message>
    <message>
        <source>The encoder failed: {error}</source>
        <translation>L&apos;encodeur a échoué&#x202f;: {error}</translation>
    </message>
    <message>
        <source>Cannot reach {address}: {error}</source>
        <translation>Impossible de joindre {address}&#x202f;: {error}</translation>
    </message>
    <message>
        <source>{address} does not speak RTMP (is it the right port?)</source>
        <translation>{address} ne parle pas RTMP (est-ce le bon port&#x202f;?)</translation>
    </message>
    <message>
        <source>{address} stopped answering: {error}</source>
        <translation>{address} ne répond plus&#x202f;: {error}</translation>
    </message>
    <message>
        <source>{address} did not answer</source>
        <translation>{address} n&apos;a pas répondu</translation>
    </message>
    <message>
        <source>{address} refused the connection{detail}</source>
        <translation>{address} a refusé la connexion{detail}</translation>
    </message>
    <message>
        <source>The server refused the key{detail}</source>
        <translation>Le serveur a refusé la clé{detail}</translation>
    </message>
    <message>
        <source>The server refused the key (it closed the connection)</source>
        <translation>Le serveur a refusé la clé (il a fermé la connexion)</translation>
    </message>
    <message>
        <source>Lost {address}: {error}</source>
        <translation>{address} perdu&#x202f;: {error}</translation>
    </message>
    <message>
        <source>{address} closed the connection</source>
        <translation>{address} a fermé la connexion</translation>
    </message>
    <message>
        <source>The server stopped the stream{detail}</source>
        <translation>Le serveur a arrêté le direct{detail}</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>● Record</source>
        <translation>● Enregistrer</translation>
    </message>
    <message>
        <source>● Go live</source>
        <translation>● Passer en direct</translation>
    </message>
    <message>
        <source>Overlays on the video wall, the recording and the stream</source>
        <translation>Habillage du mur vidéo, de l&apos;enregistrement et du direct</translation>
    </message>
    <message>
        <source>Recording asked</source>
        <translation>Enregistrement demandé</translation>
    </message>
    <message>
        <source>Stopping the recording</source>
        <translation>Arrêt de l&apos;enregistrement</translation>
    </message>
    <message>
        <source>Stream asked</source>
        <translation>Direct demandé</translation>
    </message>
    <message>
        <source>Stopping the stream</source>
        <translation>Arrêt du direct</translation>
    </message>
    <message>
        <source>■ Stop recording</source>
        <translation>■ Arrêter</translation>
    </message>
    <message>
        <source>■ End the stream</source>
        <translation>■ Arrêter le direct</translation>
    </message>
    <message>
        <source>Attempt {attempt}, next try in {seconds} s: {why}</source>
        <translation>Tentative {attempt}, prochain essai dans {seconds} s&#x202f;: {why}</translation>
    </message>
    <message>
        <source>No camera: nothing to stream</source>
        <translation>Pas de caméra&#x202f;: rien à diffuser</translation>
    </message>
    <message>
        <source>No stream set up: an address in [stream] url, the key in BLUEROOM_STREAM_KEY</source>
        <translation>Aucun direct configuré&#x202f;: une adresse dans [stream] url, la clé dans BLUEROOM_STREAM_KEY</translation>
    </message>
    <message>
        <source>Connecting to {address}…</source>
        <translation>Connexion à {address}…</translation>
    </message>
    <message>
        <source>LIVE {length} · {kbps} kbit/s · {sent} sent · {dropped} dropped · {reconnects} reconnects</source>
        <translation>EN DIRECT {length} · {kbps} kbit/s · {sent} envoyées · {dropped} perdues · {reconnects} reconnexions</translation>
    </message>
    <message>
        <source>Reconnecting to {address} · live {length} · {dropped} dropped</source>
        <translation>Reconnexion à {address} · en direct {length} · {dropped} perdues</translation>
    </message>
    <message>
        <source>Not streaming: it could not go on</source>
        <translation>Pas de direct&#x202f;: il n&apos;a pas pu continuer</translation>
    </message>
    <message>
        <source>Not streaming · {address}</source>
        <translation>Pas de direct · {address}</translation>
    </message>
    <message>
        <source>No recording yet</source>
        <translation>Aucun enregistrement</translation>
    </message>
    <message numerus="yes">
        <source>and %n more in the folder</source>
        <translation>
            <numerusform>et %n autre dans le dossier</numerusform>
            <numerusform>et %n autres dans le dossier</numerusform>
        </translation>
    </message>
    <message>
        <source>No camera: nothing to record</source>
        <translation>Pas de caméra&#x202f;: rien à enregistrer</translation>
    </message>
    <message>
        <source>REC {length} · {frames} frames · {dropped} dropped · {size} · {free} free</source>
        <translation>REC {length} · {frames} images · {dropped} perdues · {size} · {free} libres</translation>
    </message>
    <message>
        <source>Not recording · {free} free</source>
        <translation>Pas d&apos;enregistrement · {free} libres</translation>
    </message>
</context>
<context>
    <name>QuestionPicker</name>
    <message>
        <source>The questions open a little later</source>
        <translation>Les questions ouvrent un peu plus tard</translation>
    </message>
    <message>
        <source>Your fans are already writing them: the team reads each one for you.</source>
        <translation>Vos fans les écrivent déjà&#x202f;: l&apos;équipe les lit une à une pour vous.</translation>
    </message>
    <message>
        <source>Tap a question to answer it</source>
        <translation>Touchez une question pour y répondre</translation>
    </message>
    <message>
        <source>The team is choosing the first questions for you…</source>
        <translation>L&apos;équipe choisit vos premières questions…</translation>
    </message>
    <message>
        <source>More questions ▸  {page}/{pages}</source>
        <translation>Autres questions ▸  {page}/{pages}</translation>
    </message>
    <message>
        <source>ON AIR — you are answering</source>
        <translation>À L&apos;ANTENNE — vous répondez</translation>
    </message>
    <message>
        <source>Sent to the team — on air in a moment</source>
        <translation>Envoyée à l&apos;équipe — à l&apos;antenne dans un instant</translation>
    </message>
    <message>
        <source>a fan</source>
        <translation>un fan</translation>
    </message>
    <message numerus="yes">
        <source>{who}  ·  asked by %n</source>
        <translation>
            <numerusform>{who}  ·  posée par %n</numerusform>
            <numerusform>{who}  ·  posée par %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Answer this one</source>
        <translation>Répondre à celle-ci</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Plus tard</translation>
    </message>
</context>
<context>
    <name>QuestionState</name>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>validée</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejetée</translation>
    </message>
    <message>
        <source>on air</source>
        <translation>à l&apos;antenne</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>répondue</translation>
    </message>
    <message>
        <source>stashed</source>
        <translation>de côté</translation>
    </message>
    <message>
        <source>not a question</source>
        <translation>pas une question</translation>
    </message>
</context>
<context>
    <name>QuestionsWall</name>
    <message>
        <source>Blue Room — questions wall</source>
        <translation>Blue Room — mur des questions</translation>
    </message>
    <message>
        <source>our guest</source>
        <translation>notre invité</translation>
    </message>
    <message>
        <source>Thank you for your questions</source>
        <translation>Merci pour vos questions</translation>
    </message>
    <message>
        <source>Follow {guest} with {hashtag}</source>
        <translation>Suivez {guest} avec {hashtag}</translation>
    </message>
    <message>
        <source>Ask {guest} anything</source>
        <translation>Posez vos questions à {guest}</translation>
    </message>
    <message>
        <source>Post your question with {hashtag}</source>
        <translation>Postez votre question avec {hashtag}</translation>
    </message>
    <message>
        <source>posts</source>
        <translation>posts</translation>
    </message>
    <message>
        <source>questions</source>
        <translation>questions</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>répondues</translation>
    </message>
    <message>
        <source>ON AIR</source>
        <translation>À L&apos;ANTENNE</translation>
    </message>
    <message>
        <source>FROM THE AUDIENCE</source>
        <translation>DU PUBLIC</translation>
    </message>
    <message>
        <source>UP NEXT</source>
        <translation>À SUIVRE</translation>
    </message>
    <message>
        <source>Questions appear here once the team has read them</source>
        <translation>Les questions s&apos;affichent ici une fois lues par l&apos;équipe</translation>
    </message>
    <message>
        <source>With {guest}</source>
        <translation>Avec {guest}</translation>
    </message>
    <message>
        <source>Your questions appear here soon: post them with {hashtag}</source>
        <translation>Vos questions s&apos;affichent bientôt ici&#x202f;: postez-les avec {hashtag}</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) are being read by the team</source>
        <translation>
            <numerusform>L&apos;équipe lit %n question</numerusform>
            <numerusform>L&apos;équipe lit %n questions</numerusform>
        </translation>
    </message>
    <message>
        <source>YOUR QUESTIONS</source>
        <translation>VOS QUESTIONS</translation>
    </message>
    <message>
        <source>a fan</source>
        <translation>un fan</translation>
    </message>
    <message numerus="yes">
        <source>+%n asking the same</source>
        <translation>
            <numerusform>+%n pose la même</numerusform>
            <numerusform>+%n posent la même</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueList</name>
    <message>
        <source>PENDING</source>
        <translation>EN ATTENTE</translation>
    </message>
    <message>
        <source>APPROVED</source>
        <translation>VALIDÉE</translation>
    </message>
    <message>
        <source>TRASH</source>
        <translation>CORBEILLE</translation>
    </message>
    <message>
        <source>ON AIR</source>
        <translation>À L&apos;ANTENNE</translation>
    </message>
    <message>
        <source>ANSWERED</source>
        <translation>RÉPONDUE</translation>
    </message>
    <message>
        <source>STASHED</source>
        <translation>DE CÔTÉ</translation>
    </message>
    <message>
        <source>NOT A QUESTION</source>
        <translation>PAS UNE QUESTION</translation>
    </message>
    <message>
        <source>now</source>
        <translation>à l&apos;instant</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message numerus="yes">
        <source>asked by %n</source>
        <translation>
            <numerusform>posée par %n</numerusform>
            <numerusform>posée par %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n supporter(s)</source>
        <translation>
            <numerusform>%n soutien</numerusform>
            <numerusform>%n soutiens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new account(s) not counted</source>
        <translation>
            <numerusform>%n compte récent non compté</numerusform>
            <numerusform>%n comptes récents non comptés</numerusform>
        </translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejetée</translation>
    </message>
    <message>
        <source>✕ {who}: {reason}</source>
        <translation>✕ {who}&#x202f;: {reason}</translation>
    </message>
    <message>
        <source>Nothing here</source>
        <translation>Rien ici</translation>
    </message>
    <message numerus="yes">
        <source>↑ %n new</source>
        <translation>
            <numerusform>↑ %n nouvelle</numerusform>
            <numerusform>↑ %n nouvelles</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown author</source>
        <translation>auteur inconnu</translation>
    </message>
    <message numerus="yes">
        <source>%n follower(s)</source>
        <translation>
            <numerusform>%n abonné</numerusform>
            <numerusform>%n abonnés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>blocked user: @{handle}</source>
        <translation>compte bloqué&#x202f;: @{handle}</translation>
    </message>
    <message>
        <source>slur: &quot;{excerpt}&quot; matches &quot;{term}&quot;</source>
        <translation>propos haineux&#x202f;: «&#x202f;{excerpt}&#x202f;» correspond à «&#x202f;{term}&#x202f;»</translation>
    </message>
    <message>
        <source>blocked word: &quot;{excerpt}&quot; matches &quot;{term}&quot;</source>
        <translation>mot bloqué&#x202f;: «&#x202f;{excerpt}&#x202f;» correspond à «&#x202f;{term}&#x202f;»</translation>
    </message>
    <message>
        <source>profanity: &quot;{excerpt}&quot; matches &quot;{term}&quot;</source>
        <translation>grossièreté&#x202f;: «&#x202f;{excerpt}&#x202f;» correspond à «&#x202f;{term}&#x202f;»</translation>
    </message>
    <message>
        <source>insult: &quot;{excerpt}&quot; matches &quot;{term}&quot;</source>
        <translation>insulte&#x202f;: «&#x202f;{excerpt}&#x202f;» correspond à «&#x202f;{term}&#x202f;»</translation>
    </message>
    <message>
        <source>hashbomb: {tags} hashtags, mentions or links and no words</source>
        <translation>hashtags seuls&#x202f;: {tags} hashtags, mentions ou liens, aucun mot</translation>
    </message>
    <message>
        <source>link: {host}</source>
        <translation>lien&#x202f;: {host}</translation>
    </message>
    <message>
        <source>mention spam: {count} mentions (more than {most})</source>
        <translation>spam de mentions&#x202f;: {count} mentions (plus de {most})</translation>
    </message>
    <message>
        <source>flood: over {posts} posts in {seconds} s from @{handle}</source>
        <translation>flood&#x202f;: plus de {posts} posts en {seconds} s de @{handle}</translation>
    </message>
    <message>
        <source>in the author&apos;s name: {reason}</source>
        <translation>dans le nom de l&apos;auteur&#x202f;: {reason}</translation>
    </message>
    <message>
        <source>flood: over {posts} posts in {seconds} s from one author</source>
        <translation>flood&#x202f;: plus de {posts} posts en {seconds} s d&apos;un même auteur</translation>
    </message>
    <message>
        <source>support burst: {supporters} supporters have accounts under {days} days old (not counted)</source>
        <translation>afflux de soutiens&#x202f;: {supporters} soutiens viennent de comptes de moins de {days} jours (non comptés)</translation>
    </message>
    <message>
        <source>auto-approved: clean</source>
        <translation>validée auto&#x202f;: rien à signaler</translation>
    </message>
    <message>
        <source>rejected by operator</source>
        <translation>rejetée par la régie</translation>
    </message>
    <message>
        <source>off topic</source>
        <translation>hors sujet</translation>
    </message>
    <message>
        <source>already answered</source>
        <translation>réponse déjà donnée</translation>
    </message>
    <message>
        <source>offensive</source>
        <translation>offensante</translation>
    </message>
    <message>
        <source>spam or promotion</source>
        <translation>spam ou pub</translation>
    </message>
    <message>
        <source>too personal</source>
        <translation>trop personnelle</translation>
    </message>
    <message>
        <source>not for the guest</source>
        <translation>pas pour l&apos;invité</translation>
    </message>
</context>
<context>
    <name>RoomSwitch</name>
    <message>
        <source>Q wall</source>
        <translation>Mur Q</translation>
    </message>
    <message>
        <source>Q&amp;A</source>
        <translation>Q&amp;R</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>questions wall on</source>
        <translation>mur des questions allumé</translation>
    </message>
    <message>
        <source>questions wall resting (hashtag and guest)</source>
        <translation>mur des questions au repos (hashtag et invité)</translation>
    </message>
    <message>
        <source>Q&amp;A open</source>
        <translation>Q&amp;R ouvertes</translation>
    </message>
    <message>
        <source>Q&amp;A closed (questions still moderated)</source>
        <translation>Q&amp;R fermées (les questions restent modérées)</translation>
    </message>
    <message>
        <source>booth armed</source>
        <translation>photomaton ouvert</translation>
    </message>
    <message>
        <source>booth disarmed</source>
        <translation>photomaton fermé</translation>
    </message>
    <message>
        <source>badge on: LIVE while streaming, else ON CAMERA</source>
        <translation>badge allumé&#x202f;: EN DIRECT pendant le direct, sinon À L&apos;IMAGE</translation>
    </message>
    <message>
        <source>badge off</source>
        <translation>badge éteint</translation>
    </message>
</context>
<context>
    <name>RoomSwitches</name>
    <message>
        <source>Questions wall: on, it shows the questions; off, it rests on the hashtag and the guest&apos;s name</source>
        <translation>Mur des questions&#x202f;: allumé, il montre les questions&#x202f;; éteint, il se repose sur le hashtag et le nom de l&apos;invité</translation>
    </message>
    <message>
        <source>Q&amp;A open: the guest picks questions and the wall invites them; closed, the guest&apos;s pick view says they open later (questions are still moderated)</source>
        <translation>Q&amp;R ouvertes&#x202f;: l&apos;invité choisit les questions et le mur les appelle&#x202f;; fermées, l&apos;écran de choix de l&apos;invité annonce qu&apos;elles ouvrent plus tard (les questions restent modérées)</translation>
    </message>
    <message>
        <source>Booth armed: the mirror&apos;s photo booth is open to the guest; disarmed, it says it opens in a moment</source>
        <translation>Photomaton ouvert&#x202f;: le photomaton du miroir est ouvert à l&apos;invité&#x202f;; fermé, il annonce qu&apos;il ouvre dans un instant</translation>
    </message>
    <message>
        <source>The live step&apos;s badge on the video wall: LIVE only while a stream runs, ON CAMERA without one</source>
        <translation>Le badge de l&apos;étape en direct sur le mur vidéo&#x202f;: EN DIRECT seulement pendant un direct, À L&apos;IMAGE sans</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>EN DIRECT</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>let through</source>
        <translation>laisser passer</translation>
    </message>
    <message>
        <source>flag for the moderator</source>
        <translation>signaler au modérateur</translation>
    </message>
    <message>
        <source>reject (to the trash)</source>
        <translation>rejeter (corbeille)</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>passer</translation>
    </message>
    <message>
        <source>flag</source>
        <translation>signaler</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>rejeter</translation>
    </message>
    <message>
        <source>profanity: {action}</source>
        <translation>grossièretés&#x202f;: {action}</translation>
    </message>
    <message>
        <source>insults: {action}</source>
        <translation>insultes&#x202f;: {action}</translation>
    </message>
    <message>
        <source>links: {action}</source>
        <translation>liens&#x202f;: {action}</translation>
    </message>
    <message>
        <source>hashbombs: {action}</source>
        <translation>hashtags seuls&#x202f;: {action}</translation>
    </message>
    <message>
        <source>flood &gt; {posts} in {seconds} s</source>
        <translation>flood &gt; {posts} en {seconds} s</translation>
    </message>
    <message numerus="yes">
        <source>%n blocked word(s)</source>
        <translation>
            <numerusform>%n mot bloqué</numerusform>
            <numerusform>%n mots bloqués</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blocked user(s)</source>
        <translation>
            <numerusform>%n compte bloqué</numerusform>
            <numerusform>%n comptes bloqués</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trusted</source>
        <translation>
            <numerusform>%n de confiance</numerusform>
            <numerusform>%n de confiance</numerusform>
        </translation>
    </message>
    <message>
        <source>AUTO-APPROVE CLEAN QUESTIONS: ON</source>
        <translation>VALIDATION AUTOMATIQUE&#x202f;: ACTIVÉE</translation>
    </message>
    <message>
        <source>every question approved by a person</source>
        <translation>toute question validée à la main</translation>
    </message>
    <message>
        <source>Moderation rules</source>
        <translation>Règles de modération</translation>
    </message>
    <message>
        <source>one per line: word, stem*, or a phrase</source>
        <translation>un par ligne&#x202f;: mot, racine* ou expression</translation>
    </message>
    <message>
        <source>one handle per line</source>
        <translation>un pseudo par ligne</translation>
    </message>
    <message>
        <source>links to these are fine</source>
        <translation>ces domaines sont acceptés</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Auto-approve clean questions</source>
        <translation>Valider automatiquement les questions propres</translation>
    </message>
    <message>
        <source>Questions no rule objects to go to the wall without a person approving them.</source>
        <translation>Les questions qu&apos;aucune règle ne retient vont sur le mur sans être validées par une personne.</translation>
    </message>
    <message>
        <source>Profanity</source>
        <translation>Grossièretés</translation>
    </message>
    <message>
        <source>Slurs</source>
        <translation>Propos haineux</translation>
    </message>
    <message>
        <source>Insults (idiot, débile…)</source>
        <translation>Insultes (idiot, débile…)</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Liens</translation>
    </message>
    <message>
        <source>Hashtag/mention-only posts</source>
        <translation>Posts sans texte (hashtags, mentions)</translation>
    </message>
    <message>
        <source>More @-mentions than</source>
        <translation>Plus de @mentions que</translation>
    </message>
    <message>
        <source>Flood: more posts than</source>
        <translation>Flood&#x202f;: plus de posts que</translation>
    </message>
    <message>
        <source>… within</source>
        <translation>… en</translation>
    </message>
    <message>
        <source>Support from accounts younger than</source>
        <translation>Soutiens de comptes de moins de</translation>
    </message>
    <message>
        <source>Blocked words</source>
        <translation>Mots bloqués</translation>
    </message>
    <message>
        <source>Blocked users</source>
        <translation>Comptes bloqués</translation>
    </message>
    <message>
        <source>Trusted users</source>
        <translation>Comptes de confiance</translation>
    </message>
    <message>
        <source>Allowed link domains</source>
        <translation>Domaines de liens autorisés</translation>
    </message>
</context>
<context>
    <name>RunOfShowPanel</name>
    <message>
        <source>on time</source>
        <translation>à l&apos;heure</translation>
    </message>
    <message>
        <source>{time} behind</source>
        <translation>{time} de retard</translation>
    </message>
    <message>
        <source>{time} ahead</source>
        <translation>{time} d&apos;avance</translation>
    </message>
    <message>
        <source>Run of show</source>
        <translation>Conducteur</translation>
    </message>
    <message>
        <source>Plan…  F9</source>
        <translation>Plan…  F9</translation>
    </message>
    <message>
        <source>The guest, the script and its timeline (F9)</source>
        <translation>L&apos;invité, le script et son déroulé (F9)</translation>
    </message>
    <message>
        <source>Start the hour, or resume (F5)</source>
        <translation>Lancer l&apos;heure, ou reprendre (F5)</translation>
    </message>
    <message>
        <source>Pause the segment&apos;s clock, or resume (F6)</source>
        <translation>Mettre en pause le chrono de la séquence, ou reprendre (F6)</translation>
    </message>
    <message>
        <source>Back to the previous segment (Page Up)</source>
        <translation>Revenir à la séquence précédente (Page Up)</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Suite ▶</translation>
    </message>
    <message>
        <source>Next segment (Page Down)</source>
        <translation>Séquence suivante (Page Down)</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Sauter</translation>
    </message>
    <message>
        <source>Skip the segment after this one (F7)</source>
        <translation>Sauter la séquence qui suit celle-ci (F7)</translation>
    </message>
    <message>
        <source>One more minute for this segment (F8)</source>
        <translation>Une minute de plus pour cette séquence (F8)</translation>
    </message>
    <message>
        <source>Skipped: {segment}</source>
        <translation>Sautée&#x202f;: {segment}</translation>
    </message>
    <message>
        <source>The hour is over</source>
        <translation>L&apos;heure est terminée</translation>
    </message>
    <message>
        <source>Not started · F5</source>
        <translation>Pas commencée · F5</translation>
    </message>
    <message>
        <source>of {time}</source>
        <translation>sur {time}</translation>
    </message>
    <message>
        <source>wrap up · of {time}</source>
        <translation>conclure · sur {time}</translation>
    </message>
    <message>
        <source>ending · of {time}</source>
        <translation>fin · sur {time}</translation>
    </message>
    <message>
        <source>over · of {time}</source>
        <translation>dépassé · sur {time}</translation>
    </message>
    <message>
        <source>PAUSED · {words}</source>
        <translation>EN PAUSE · {words}</translation>
    </message>
    <message>
        <source>ends {end} · guest leaves {leaves}</source>
        <translation>fin {end} · départ de l&apos;invité {leaves}</translation>
    </message>
    <message>
        <source>ends {end} · planned {planned}</source>
        <translation>fin {end} · prévue {planned}</translation>
    </message>
    <message>
        <source>follows at {time}</source>
        <translation>enchaîne à {time}</translation>
    </message>
    <message>
        <source>at {time}</source>
        <translation>à {time}</translation>
    </message>
    <message>
        <source>by hand, about {time}</source>
        <translation>à la main, vers {time}</translation>
    </message>
    <message>
        <source>Next: {segment} · {how}</source>
        <translation>À suivre&#x202f;: {segment} · {how}</translation>
    </message>
    <message>
        <source>{segment} {planned} → {now} min</source>
        <translation>{segment} {planned} → {now} min</translation>
    </message>
    <message>
        <source>Drop {segment} ({minutes} min)  F7</source>
        <translation>Sauter {segment} ({minutes} min)  F7</translation>
    </message>
    <message>
        <source>Drop {segment} ({minutes} min)</source>
        <translation>Sauter {segment} ({minutes} min)</translation>
    </message>
    <message>
        <source>Re-timed to end by {time}: {changes}</source>
        <translation>Recalé pour finir à {time}&#x202f;: {changes}</translation>
    </message>
    <message>
        <source>Still {time} late.</source>
        <translation>Encore {time} de retard.</translation>
    </message>
    <message>
        <source>Cues: none sent yet</source>
        <translation>Tops&#x202f;: aucun envoyé</translation>
    </message>
    <message numerus="yes">
        <source>Cues: %n sent</source>
        <translation>
            <numerusform>Tops&#x202f;: %n envoyé</numerusform>
            <numerusform>Tops&#x202f;: %n envoyés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n by hand: {cues}</source>
        <translation>
            <numerusform>%n à faire à la main&#x202f;: {cues}</numerusform>
            <numerusform>%n à faire à la main&#x202f;: {cues}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunningOrder</name>
    <message>
        <source>Program</source>
        <translation>Antenne</translation>
    </message>
    <message>
        <source>Approved — next on the wall</source>
        <translation>Validées — bientôt sur le mur</translation>
    </message>
    <message>
        <source>No approved question yet</source>
        <translation>Aucune question validée</translation>
    </message>
    <message>
        <source>Moderation rules…</source>
        <translation>Règles de modération…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Export failed: {error}</source>
        <translation>Échec de l&apos;export&#x202f;: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n post(s) to {path}</source>
        <translation>
            <numerusform>%n post exporté vers {path}</numerusform>
            <numerusform>%n posts exportés vers {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Moderation rules changed: they apply to new posts.</source>
        <translation>Règles de modération modifiées&#x202f;: elles valent pour les nouveaux posts.</translation>
    </message>
    <message>
        <source>Export questions</source>
        <translation>Exporter les questions</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting questions to {path}…</source>
        <translation>Export des questions vers {path}…</translation>
    </message>
</context>
<context>
    <name>SignInCard</name>
    <message>
        <source>Sign in with your X account</source>
        <translation>Connectez-vous avec votre compte X</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <source>Scan with your phone&apos;s camera, then approve on X.</source>
        <translation>Scannez avec l&apos;appareil photo de votre téléphone, puis acceptez sur X.</translation>
    </message>
    <message>
        <source>Signed in as {handle}. Thank you!</source>
        <translation>Connecté en tant que {handle}. Merci&#x202f;!</translation>
    </message>
    <message>
        <source>Sign-in did not work: {reason}</source>
        <translation>La connexion n&apos;a pas abouti&#x202f;: {reason}</translation>
    </message>
</context>
<context>
    <name>SourceDetail</name>
    <message>
        <source>{file} at {speed}×</source>
        <translation>{file} à {speed}×</translation>
    </message>
    <message>
        <source>{file} at max speed</source>
        <translation>{file} à vitesse max</translation>
    </message>
    <message>
        <source>{file} at {speed}×, loop {loop}</source>
        <translation>{file} à {speed}×, boucle {loop}</translation>
    </message>
    <message>
        <source>{file} at max speed, loop {loop}</source>
        <translation>{file} à vitesse max, boucle {loop}</translation>
    </message>
    <message>
        <source>{file}: {posts} posts</source>
        <translation>{file}&#x202f;: {posts} posts</translation>
    </message>
    <message>
        <source>{file} stopped at line {line}</source>
        <translation>{file} arrêté à la ligne {line}</translation>
    </message>
    <message>
        <source>replay stopped: {error}</source>
        <translation>replay arrêté&#x202f;: {error}</translation>
    </message>
    <message>
        <source>loop {loop}, line {line}</source>
        <translation>boucle {loop}, ligne {line}</translation>
    </message>
</context>
<context>
    <name>SourceState</name>
    <message>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>looping</source>
        <translation>en boucle</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêtée</translation>
    </message>
</context>
<context>
    <name>Sparkline</name>
    <message>
        <source>peak {rate}/s</source>
        <translation>pic {rate}/s</translation>
    </message>
</context>
<context>
    <name>TakeHome</name>
    <message>
        <source>Your photo on your phone</source>
        <translation>Votre photo sur votre téléphone</translation>
    </message>
    <message>
        <source>The photo&apos;s link is not available: {problem}</source>
        <translation>Le lien de la photo n&apos;est pas disponible&#x202f;: {problem}</translation>
    </message>
    <message>
        <source>the photo server is not running</source>
        <translation>le serveur de photos n&apos;est pas lancé</translation>
    </message>
    <message>
        <source>No signal? Join the Wi-Fi “{name}”</source>
        <translation>Pas de réseau&#x202f;? Rejoignez le Wi-Fi «&#x202f;{name}&#x202f;»</translation>
    </message>
    <message>
        <source>Posted: {url}</source>
        <translation>Publiée&#x202f;: {url}</translation>
    </message>
</context>
<context>
    <name>VideoWall</name>
    <message>
        <source>Blue Room — live video wall</source>
        <translation>Blue Room — mur vidéo en direct</translation>
    </message>
    <message>
        <source>This room runs without a camera</source>
        <translation>Ce plateau tourne sans caméra</translation>
    </message>
    <message>
        <source>The camera stopped sending pictures</source>
        <translation>La caméra n&apos;envoie plus d&apos;images</translation>
    </message>
    <message>
        <source>{detail} · trying again</source>
        <translation>{detail} · nouvel essai</translation>
    </message>
    <message>
        <source>Live in the Blue Room · {hashtag}</source>
        <translation>En direct de la Blue Room · {hashtag}</translation>
    </message>
    <message>
        <source>A fan</source>
        <translation>Un fan</translation>
    </message>
    <message>
        <source>{who} asks</source>
        <translation>{who} demande</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Caméra coupée</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>Pas de caméra</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Démarrage de la caméra…</translation>
    </message>
</context>
<context>
    <name>WindowsMenu</name>
    <message>
        <source>Operator console</source>
        <translation>Régie</translation>
    </message>
    <message>
        <source>Questions wall</source>
        <translation>Mur des questions</translation>
    </message>
    <message>
        <source>Live video wall</source>
        <translation>Mur vidéo en direct</translation>
    </message>
    <message>
        <source>Heat-map wall</source>
        <translation>Mur carte de chaleur</translation>
    </message>
    <message>
        <source>Guest panel</source>
        <translation>Panneau invité</translation>
    </message>
    <message>
        <source>full screen on {screen}</source>
        <translation>plein écran sur {screen}</translation>
    </message>
    <message>
        <source>behind the console on {screen}</source>
        <translation>derrière la régie sur {screen}</translation>
    </message>
    <message>
        <source>window on {screen}</source>
        <translation>fenêtre sur {screen}</translation>
    </message>
    <message>
        <source>closed: click to reopen it on {screen}</source>
        <translation>fermé&#x202f;: cliquez pour le rouvrir sur {screen}</translation>
    </message>
    <message>
        <source>minimised: click to show it on {screen}</source>
        <translation>réduit&#x202f;: cliquez pour l&apos;afficher sur {screen}</translation>
    </message>
    <message>
        <source>on {current}: click to put it back on {screen}</source>
        <translation>sur {current}&#x202f;: cliquez pour le remettre sur {screen}</translation>
    </message>
    <message>
        <source>{window}: the settings name a screen {wanted} that is not here</source>
        <translation>{window}&#x202f;: les réglages désignent un écran {wanted} absent</translation>
    </message>
    <message>
        <source>{window}: no screen is known to have touch, so it went to the smallest (choose with screens.guest_panel)</source>
        <translation>{window}&#x202f;: aucun écran tactile connu, placé sur le plus petit (à choisir avec screens.guest_panel)</translation>
    </message>
    <message>
        <source>Fewer screens than windows: {windows} share {screen}</source>
        <translation>Moins d&apos;écrans que de fenêtres&#x202f;: {windows} partagent {screen}</translation>
    </message>
    <message>
        <source>&amp;Windows</source>
        <translation>&amp;Fenêtres</translation>
    </message>
    <message>
        <source>Put every window back in its place</source>
        <translation>Remettre chaque fenêtre à sa place</translation>
    </message>
</context>
</TS>
