"""The only package that talks to X (tweepy imported here and nowhere else).

It turns what X sends into the room's events through the same parser as the replay
(``sources/x_payload.py``), and sends what the outbox posts.
"""
