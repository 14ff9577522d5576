"""Colours and type of the room: deep blue, seen from five metres."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPalette

from blueroom.ui.fonts import UI_FAMILY

NIGHT = QColor("#070B1E")
DEEP = QColor("#0D1533")
PANEL = QColor("#141E45")
PANEL_HI = QColor("#1C2A5C")
LINE = QColor("#2A3A78")
ACCENT = QColor("#4C9BFF")
ACCENT_SOFT = QColor("#7FB8FF")
LIVE = QColor("#FF3B57")
AMBER = QColor("#FFB547")
GREEN = QColor("#2BD9A0")
TEXT = QColor("#F4F6FF")
MUTED = QColor("#9AA6D1")
DIM = QColor("#5D6A9E")


def font(pixel_size: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    result = QFont(UI_FAMILY)
    result.setPixelSize(max(1, round(pixel_size)))
    result.setWeight(weight)
    result.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return result


def paint_backdrop(painter: QPainter, width: int, height: int) -> None:
    """The room's night-blue gradient, shared by every wall."""
    gradient = QLinearGradient(0, 0, width * 0.35, height)
    gradient.setColorAt(0.0, DEEP)
    gradient.setColorAt(1.0, NIGHT)
    painter.fillRect(0, 0, width, height, gradient)


def with_alpha(color: QColor, alpha: float) -> QColor:
    result = QColor(color)
    result.setAlphaF(max(0.0, min(1.0, alpha)))
    return result


CONSOLE_STYLE = f"""
QMainWindow, QWidget#consoleRoot {{ background: {NIGHT.name()}; }}
QWidget {{ color: {TEXT.name()}; font-family: "{UI_FAMILY}"; font-size: 14px; }}
QFrame#card {{ background: {PANEL.name()}; border: 1px solid {LINE.name()}; border-radius: 10px; }}
QFrame#card QLabel {{ background: transparent; border: none; }}
QLabel#figure {{ font-size: 28px; font-weight: 700; }}
QLabel#caption {{ color: {MUTED.name()}; font-size: 12px; text-transform: uppercase; }}
QLabel#title {{ font-size: 18px; font-weight: 700; }}
QListView, QPlainTextEdit {{ background: {DEEP.name()}; border: 1px solid {LINE.name()};
           border-radius: 8px; gridline-color: {LINE.name()};
           selection-background-color: {ACCENT.name()}; }}
QTableView {{ border: 1px solid {LINE.name()}; border-radius: 8px; }}
QPushButton {{ background: {PANEL_HI.name()}; border: 1px solid {LINE.name()}; border-radius: 8px;
           padding: 8px 14px; font-weight: 600; }}
QPushButton:hover {{ border-color: {ACCENT.name()}; }}
QPushButton:pressed {{ background: {ACCENT.name()}; }}
QPushButton#approve {{ background: #15634F; border-color: {GREEN.name()}; }}
QPushButton#reject {{ background: #5E1B2A; border-color: {LIVE.name()}; }}
QPushButton#onair {{ background: #5E1B2A; border-color: {LIVE.name()}; }}
QPushButton#hold {{ background: #3A2A10; border-color: {AMBER.name()}; color: {AMBER.name()};
           font-weight: 700; }}
QPushButton#hold:checked {{ background: {LIVE.name()}; border-color: {LIVE.name()};
           color: {TEXT.name()}; }}
QHeaderView::section {{ background: {PANEL.name()}; color: {MUTED.name()}; border: none;
           border-right: 1px solid {LINE.name()}; padding: 4px 8px; }}
QTreeView, QListView {{ background: {DEEP.name()}; alternate-background-color: {PANEL.name()}; }}
QScrollBar:vertical {{ background: {DEEP.name()}; width: 10px; margin: 0; }}
QScrollBar::handle:vertical {{ background: {LINE.name()}; border-radius: 5px; min-height: 30px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; width: 0; }}
QScrollBar:horizontal {{ background: {DEEP.name()}; height: 10px; }}
QScrollBar::handle:horizontal {{ background: {LINE.name()}; border-radius: 5px; }}
QTabWidget::pane {{ border: none; }}
QTabBar::tab {{ background: {PANEL.name()}; color: {MUTED.name()}; padding: 7px 9px; font-size: 13px;
           border-top-left-radius: 8px; border-top-right-radius: 8px; margin-right: 2px; }}
QTabBar::tab:selected {{ background: {PANEL_HI.name()}; color: {TEXT.name()}; }}
QTabBar QToolButton {{ background: {PANEL_HI.name()}; border: 1px solid {LINE.name()}; }}
QLineEdit, QComboBox, QSpinBox, QDoubleSpinBox {{ background: {DEEP.name()};
           border: 1px solid {LINE.name()}; border-radius: 8px; padding: 6px 10px; }}
QLineEdit:focus, QComboBox:focus {{ border-color: {ACCENT.name()}; }}
QComboBox QAbstractItemView {{ background: {PANEL.name()}; border: 1px solid {LINE.name()};
           selection-background-color: {ACCENT.name()}; }}
QStatusBar {{ background: {PANEL.name()}; color: {AMBER.name()}; font-weight: 600; }}
QDialog {{ background: {NIGHT.name()}; }}
QCheckBox {{ spacing: 8px; }}
"""


def table_palette(palette: QPalette) -> QPalette:
    """Colours for item views set as a palette: style sheets on a big table cost ~40 % more paint."""
    palette.setColor(QPalette.ColorRole.Base, DEEP)
    palette.setColor(QPalette.ColorRole.AlternateBase, PANEL)
    palette.setColor(QPalette.ColorRole.Text, TEXT)
    palette.setColor(QPalette.ColorRole.Button, PANEL)
    palette.setColor(QPalette.ColorRole.ButtonText, MUTED)
    palette.setColor(QPalette.ColorRole.Window, PANEL)
    palette.setColor(QPalette.ColorRole.WindowText, MUTED)
    palette.setColor(QPalette.ColorRole.Highlight, ACCENT)
    palette.setColor(QPalette.ColorRole.HighlightedText, TEXT)
    return palette
