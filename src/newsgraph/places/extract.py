from ..context import DocContext


def extract(ctx: DocContext) -> None:
    """placeholder"""
