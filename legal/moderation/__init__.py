"""The staff side of comments on drafts: the moderation list, a comment's page with its actions, bulk
moderation and the internal summary report, all confined to the sites the user handles."""
