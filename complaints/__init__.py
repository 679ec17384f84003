"""Complaints, denunciations, petitions and feedback (seed 004): one case per matter, its legal deadlines, its
transfer across the sector's sites, and what the citizen may follow by code."""
