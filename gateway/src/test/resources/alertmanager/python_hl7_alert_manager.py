"""An alert manager built from python-hl7 (Debian package python3-hl7), which nobody on this project
wrote, for the gateway's PCD-04 interoperability test. It listens for MLLP on 127.0.0.1:PORT,
reads each message with python-hl7, prints one JSON line with what it read, and answers with the
ACK python-hl7 itself builds. Usage: python3 python_hl7_alert_manager.py PORT"""
import asyncio
import json
import sys

import hl7
from hl7.mllp import start_hl7_server


def part(value, *indexes):
    """value[i][j]..., or '' where the message has fewer fields, repetitions or components."""
    try:
        for i in indexes:
            value = value[i]
    except IndexError:
        return ''
    return str(value)


def read(message):
    attributes = {}
    first = None
    for obx in message.segments('OBX'):
        code = part(obx, 3, 0, 0)
        if code.startswith('6848'):
            attributes[code] = part(obx, 5)
        elif first is None and part(obx, 11) != 'X':
            first = obx
    coded = first is not None and part(first, 2) == 'CWE'
    return {
        'type': str(message.segment('MSH')[9]),
        'controlId': str(message.segment('MSH')[10]),
        'bed': str(message.segment('PV1')[3][0][2]),
        'alertId': str(message.segment('OBR')[3][0][0]),
        # The alert is OBX-5, coded (CWE): its code, and its words as the original text (CWE-9).
        'event': part(first, 5, 0, 0) if coded else '',
        'text': part(first, 5, 0, 8) if coded else '',
        'phase': attributes.get('68481', ''),
        'priority': attributes.get('68484', ''),
    }


async def serve(reader, writer):
    try:
        while not writer.is_closing():
            message = await reader.readmessage()
            print(json.dumps(read(message), ensure_ascii=False), flush=True)
            writer.writemessage(message.create_ack('AA'))
            await writer.drain()
    except asyncio.IncompleteReadError:
        pass  # the gateway closed the connection


async def main(port):
    async with await start_hl7_server(serve, host='127.0.0.1', port=port, encoding='utf-8') as server:
        print('listening', flush=True)
        await server.serve_forever()


asyncio.run(main(int(sys.argv[1])))
